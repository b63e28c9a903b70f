import { detectAll } from 'tinyld';

export interface DetectedLanguage {
  /** ISO 639-1, one of the enabled languages. */
  language: string;
  /** tinyld's accuracy estimate, 0–1. */
  accuracy: number;
}

/**
 * The language of a short chat text among the ones a team enables (`CHAT_LANGUAGES`), with tinyld (n-gram profiles made
 * for short text, bundled in the package, no download). Limiting the candidates is what makes a few words decidable:
 * "password reset" is English, not one of the 60 other languages it could be. Null when nothing can be told (an emoji,
 * a number, a name).
 */
export class LanguageDetector {
  constructor(private readonly enabled: string[]) {}

  /** Whether the team enabled the language (`CHAT_LANGUAGES`). */
  supports(language: string): boolean {
    return this.enabled.includes(language);
  }

  detect(text: string): DetectedLanguage | null {
    const [best] = detectAll(text, { only: this.enabled });
    return best && best.accuracy > 0 ? { language: best.lang, accuracy: best.accuracy } : null;
  }
}
