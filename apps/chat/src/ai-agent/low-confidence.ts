/** The low-confidence answers in a row after an answer: a confident one starts the count again. */
export function nextLowConfidenceStreak(streak: number, confident: boolean): number {
  return confident ? 0 : streak + 1;
}

/** Whether that many low-confidence answers in a row should hand the conversation to the people. */
export function lowConfidenceHandover(streak: number, maxLowConfidence: number): boolean {
  return streak >= maxLowConfidence;
}
