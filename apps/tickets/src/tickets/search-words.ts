const maxWords = 10;
const tsqueryOperators = /[&|!():*<>'\\]/g;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * The words of an agent's search, each to be matched as a prefix (`sign` finds "signing"): split on white space, with
 * the characters that are tsquery syntax removed so no input can change the query's meaning, and only words that
 * hold a letter or digit. Postgres parses each word as it parsed the text, so addresses and hyphenated words match.
 */
export function searchWords(query: string): string[] {
  const words = query
    .toLowerCase()
    .split(/\s+/u)
    .map((word) => word.replace(tsqueryOperators, ''))
    .filter((word) => letterOrDigit.test(word));
  return [...new Set(words)].slice(0, maxWords);
}
