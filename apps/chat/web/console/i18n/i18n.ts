import { en, MessageKey, Messages } from './en';

export type { MessageKey } from './en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `t('queue.count', { count: 2 })`: the catalog's text with its `{name}` placeholders filled. */
export function translator(catalog: Messages = en): Translate {
  return (key, values = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}

export const t = translator();

/** A service's code in words (`rules.trigger` + `ticket_created`), or the code itself for one the console does not know yet. */
export function codeInWords(prefix: string, code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  return key in en ? t(key) : code;
}

/** A queue reason in words, or the code itself for a reason the console does not know yet. */
export function reasonInWords(reason: string): string {
  return codeInWords('reason', reason);
}
