/** The panel's languages (each has its words in this folder); kept apart so the loader picks one without the words. */
export const panelLanguages = ['en', 'fr', 'it'] as const;
export type PanelLanguage = (typeof panelLanguages)[number];

/**
 * The first of the reader's preferred languages (an override, then `navigator.languages`) the panel speaks, matched
 * on the primary subtag (`fr-CA` is French); English when none is.
 */
export function pickLanguage(preferred: readonly (string | undefined | null)[]): PanelLanguage {
  for (const tag of preferred) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const known = panelLanguages.find((language) => language === primary);
    if (known) return known;
  }
  return 'en';
}
