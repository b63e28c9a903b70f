/** Letters that carry no combining mark to strip but read as a plain Latin one to someone typing without them. */
const plainLetters: Record<string, string> = { ł: 'l', ı: 'i', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

/**
 * Lower case without accents or other combining marks: "Réinitialiser" and "reinitialiser", "człowiek" and "czlowiek",
 * "أتحدث" and "اتحدث" fold alike.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łıøđßæœðþ]/g, (letter) => plainLetters[letter]!);
}
