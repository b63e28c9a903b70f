import { fold } from '../language/fold';

/**
 * One language's ways of asking for a person (a JSON file in `phrases/`). In `phrases`, words are matched whole after
 * folding case and accents, `...` stands for up to three other words ("talk to ... person" matches "talk to a real
 * person") and a word ending in `*` for any word it starts ("mensch*" matches "Menschen"). Phrases in scripts written
 * without spaces (Chinese, Japanese) are found anywhere in the text. `alone` are requests only when they are the whole
 * message, give or take `fillers` ("human pls", "agent!!"), so "is the AI agent available?" is not one.
 */
export interface HandoffPhrases {
  phrases: string[];
  alone: string[];
  fillers: string[];
}

export interface HandoffMatch {
  language: string;
  phrase: string;
}

type Token = { kind: 'word'; word: string; prefix: boolean } | { kind: 'gap' };

interface CompiledLanguage {
  language: string;
  phrases: { phrase: string; tokens: Token[] }[];
  unspaced: { phrase: string; text: string }[];
  alone: { phrase: string; tokens: Token[] }[];
  fillers: string[][];
}

/** Up to this many words may stand where a phrase has `...`. */
const maxGapWords = 3;
/** Words this long or longer match with one typo (a letter wrong, missing, extra, or two swapped): "humna". */
const typoTolerantLength = 5;
/** Shorter words of this length match with two neighbouring letters swapped, the commonest slip: "tlak". */
const swapTolerantLength = 4;
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The words of a text as phrases are matched against: folded, split at anything but letters and digits. */
export function handoffWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whether a visitor's message asks for a person, in any of the languages given: the first phrase found, or null. */
export class HandoffPhraseDetector {
  private readonly languages: CompiledLanguage[];

  constructor(phrasesByLanguage: Record<string, HandoffPhrases>) {
    this.languages = Object.entries(phrasesByLanguage).map(([language, { phrases, alone, fillers }]) => ({
      language,
      phrases: phrases.filter((phrase) => !unspacedScript.test(phrase)).map((phrase) => ({ phrase, tokens: tokensOf(phrase) })),
      unspaced: phrases
        .filter((phrase) => unspacedScript.test(phrase))
        .map((phrase) => ({ phrase, text: fold(phrase).replace(/\s+/g, '') })),
      alone: alone.map((phrase) => ({ phrase, tokens: tokensOf(phrase) })),
      fillers: fillers.map(handoffWords).sort((left, right) => right.length - left.length),
    }));
  }

  detect(message: string): HandoffMatch | null {
    const words = handoffWords(message);
    const compact = fold(message).replace(/[\s\p{P}]+/gu, '');
    for (const { language, phrases, unspaced, alone, fillers } of this.languages) {
      const found =
        unspaced.find(({ text }) => compact.includes(text)) ??
        phrases.find(({ tokens }) => words.some((_, start) => matchesAt(tokens, words, start, false))) ??
        alone.find(({ tokens }) => matchesAt(tokens, withoutFillers(words, fillers), 0, true));
      if (found) return { language, phrase: found.phrase };
    }
    return null;
  }
}

function tokensOf(phrase: string): Token[] {
  return phrase
    .trim()
    .split(/\s+/)
    .flatMap((part): Token[] => {
      if (part === '...') return [{ kind: 'gap' }];
      const prefix = part.endsWith('*');
      return handoffWords(prefix ? part.slice(0, -1) : part).map((word, index, all) => ({
        kind: 'word',
        word,
        prefix: prefix && index === all.length - 1,
      }));
    });
}

/** Whether `tokens` match `words` from `start` (to the last word when `whole`). */
function matchesAt(tokens: Token[], words: string[], start: number, whole: boolean): boolean {
  if (tokens.length === 0) return !whole || start === words.length;
  const [token, ...rest] = tokens;
  if (token!.kind === 'gap') {
    for (let skipped = 0; skipped <= maxGapWords && start + skipped <= words.length; skipped++) {
      if (matchesAt(rest, words, start + skipped, whole)) return true;
    }
    return false;
  }
  const word = words[start];
  return word !== undefined && wordMatches(token!, word) && matchesAt(rest, words, start + 1, whole);
}

function wordMatches(token: { word: string; prefix: boolean }, word: string): boolean {
  if (token.prefix ? word.startsWith(token.word) : word === token.word) return true;
  if (token.word.length < typoTolerantLength)
    return token.word.length >= swapTolerantLength && !token.prefix && isOneSwap(token.word, word);
  const compared = token.prefix ? word.slice(0, token.word.length + 1) : word;
  return withinOneEdit(token.word, compared) || (token.prefix && withinOneEdit(token.word, word.slice(0, token.word.length)));
}

/** Damerau–Levenshtein distance of at most one: one letter substituted, inserted, deleted, or two adjacent swapped. */
export function withinOneEdit(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (Math.abs(expected.length - actual.length) > 1) return false;
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const restAfter = (skipExpected: number, skipActual: number) => expected.slice(i + skipExpected) === actual.slice(i + skipActual);
  if (expected.length === actual.length) {
    return restAfter(1, 1) || (expected[i] === actual[i + 1] && expected[i + 1] === actual[i] && restAfter(2, 2));
  }
  return expected.length > actual.length ? restAfter(1, 0) : restAfter(0, 1);
}

function isOneSwap(expected: string, actual: string): boolean {
  if (expected.length !== actual.length) return false;
  const differing = [...expected].flatMap((letter, index) => (letter === actual[index] ? [] : [index]));
  return (
    differing.length === 2 &&
    differing[1] === differing[0]! + 1 &&
    expected[differing[0]!] === actual[differing[1]!] &&
    expected[differing[1]!] === actual[differing[0]!]
  );
}

/** The words with every filler phrase taken out (longest first), so "i want a human please" leaves "human". */
function withoutFillers(words: string[], fillers: string[][]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < words.length;) {
    const filler = fillers.find((phrase) => phrase.length > 0 && phrase.every((word, offset) => words[index + offset] === word));
    if (filler) {
      index += filler.length;
    } else {
      kept.push(words[index]!);
      index++;
    }
  }
  return kept;
}
