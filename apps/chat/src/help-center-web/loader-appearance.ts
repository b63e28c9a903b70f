/** What the launcher shows of the team before the panel exists: its colour and, in its accessible label, its name. */
export interface LoaderAppearance {
  accentColor: string;
  teamName: string;
}

/**
 * The string literal the loader's source parses as its appearance (apps/chat/web/help-center/loader/widget.ts), as
 * the bundler writes it: in either quote.
 */
const appearanceSlot = /(["'`])__HELPGATE_APPEARANCE__\1/;

/**
 * The loader's script with the team's appearance written into it, so a host page gets it with the script it loads
 * anyway rather than by a request of its own. The literal becomes a JS string of the appearance's JSON.
 */
export function withAppearance(loader: string, appearance: LoaderAppearance): string | null {
  if (!appearanceSlot.test(loader)) return null;
  return loader.replace(appearanceSlot, () => JSON.stringify(JSON.stringify(appearance)));
}
