import { algorithms, newStemmer, Stemmer } from 'snowball-stemmers';
import * as stopWordLists from 'stopword';
import { fold } from '../../language/fold';

/** Scripts written without spaces between words: each run of them is cut into overlapping pairs of characters. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const wordPattern = /[\p{L}\p{N}]+(?:[._'’-][\p{L}\p{N}]+)*/gu;

/**
 * The words of a text, lower case (accents kept for the stemmer): "Go.Learn" and "SAML-SSO" give their parts, runs of
 * Chinese or Japanese characters give character pairs, so both sides of a search cut them the same way.
 */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const [match] of text.toLowerCase().matchAll(wordPattern)) {
    for (const part of match.split(/[._'’-]/)) {
      if (part) found.push(...(unspacedScript.test(part) ? characterPairs(part) : [part]));
    }
  }
  return found;
}

function characterPairs(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, index) => characters[index] + character);
}

/** Snowball algorithms by ISO 639-1 code, for the languages it has. */
const snowballNames: Record<string, string> = {
  ar: 'arabic',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
};

/** Stop-word lists (the `stopword` package's) by ISO 639-1 code. */
const stopWordCodes: Record<string, string> = {
  ar: 'ara',
  ca: 'cat',
  cs: 'ces',
  da: 'dan',
  de: 'deu',
  el: 'ell',
  en: 'eng',
  es: 'spa',
  fa: 'fas',
  fi: 'fin',
  fr: 'fra',
  he: 'heb',
  hi: 'hin',
  hu: 'hun',
  id: 'ind',
  it: 'ita',
  ja: 'jpn',
  ko: 'kor',
  nb: 'nob',
  nl: 'nld',
  no: 'nob',
  pl: 'pol',
  pt: 'por',
  ro: 'ron',
  ru: 'rus',
  sk: 'slk',
  sl: 'slv',
  sv: 'swe',
  th: 'tha',
  tr: 'tur',
  uk: 'ukr',
  vi: 'vie',
  zh: 'zho',
};

const available = new Set(algorithms());

/**
 * How one language reduces words to index terms: stop words dropped, the rest stemmed (Snowball, where it has the
 * language) and folded. Languages without a stemmer or list keep their words whole.
 */
export class LanguageAnalyzer {
  private readonly stemmer: Stemmer | null;
  private readonly stopWords: Set<string>;
  private readonly cache = new Map<string, string>();

  constructor(
    readonly language: string,
    stemming = true,
  ) {
    const algorithm = snowballNames[language];
    this.stemmer = stemming && algorithm && available.has(algorithm) ? newStemmer(algorithm) : null;
    this.stopWords = new Set((stopWordLists[stopWordCodes[language] ?? ''] ?? []).flatMap((word) => [word.toLowerCase(), fold(word)]));
  }

  isStopWord(word: string): boolean {
    return this.stopWords.has(word) || this.stopWords.has(fold(word));
  }

  /** The index term of one word (lower case, as `words` gives it). */
  term(word: string): string {
    let term = this.cache.get(word);
    if (term === undefined) {
      term = fold(this.stemmer ? this.stemmer.stem(word) : word);
      this.cache.set(word, term);
    }
    return term;
  }

  /** The index terms of a text, stop words left out, in order and repeated as often as they occur. */
  terms(text: string): string[] {
    return words(text)
      .filter((word) => !this.isStopWord(word))
      .map((word) => this.term(word));
  }
}

const analyzers = new Map<string, LanguageAnalyzer>();

/** One analyzer per language (and with or without stemming), made once. */
export function analyzerFor(language: string, stemming = true): LanguageAnalyzer {
  const key = `${language}:${stemming}`;
  let analyzer = analyzers.get(key);
  if (!analyzer) {
    analyzer = new LanguageAnalyzer(language, stemming);
    analyzers.set(key, analyzer);
  }
  return analyzer;
}
