import { portalPlaceholders } from '@helpgate/contracts';

export type PortalValues = Record<(typeof portalPlaceholders)[number], string>;

const placeholderPattern = /\{\{\s*(portal\.[A-Za-z]+)\s*\}\}/g;

/** Whether a text names the set-password link, so a link is created only when it will be sent. */
export function namesSetPasswordLink(text: string): boolean {
  return [...text.matchAll(placeholderPattern)].some((match) => match[1] === 'portal.setPasswordLink');
}

/** Fills the `{{portal.*}}` placeholders of a text another service rendered; any other placeholder stays as written. */
export function fillPortalPlaceholders(text: string, values: PortalValues): string {
  return text.replace(placeholderPattern, (placeholder, name: string) =>
    name in values ? values[name as keyof PortalValues] : placeholder,
  );
}
