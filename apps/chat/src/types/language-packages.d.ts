// The two language packages ship no types; these declare the part chat uses.

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  /** Snowball algorithm names: `english`, `french`, `italian`, … */
  export function algorithms(): string[];
  export function newStemmer(algorithm: string): Stemmer;
}

declare module 'stopword' {
  /** Stop-word lists by ISO 639-3 code (`eng`, `fra`, `ita`, …). */
  const lists: Record<string, string[] | undefined>;
  export = lists;
}
