import { en, MessageKey, Messages } from './en';
import { fr } from './fr';
import { it } from './it';

import type { PanelLanguage } from './languages';

export type { MessageKey } from './en';
export { pickLanguage } from './languages';

/** Each language's words, in one file per language. */
export const catalogs: Record<PanelLanguage, Messages> = { en, fr, it };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** `t('chat.queue', { position: 2 })`: the language's text with `{name}` placeholders filled; English where it has none. */
export function translator(language: string): Translate {
  const catalog = catalogs[language as PanelLanguage] ?? en;
  return (key, values = {}) =>
    (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
