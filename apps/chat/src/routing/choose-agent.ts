/** What routing knows of an agent when a conversation waits for one. */
export interface AgentCandidate {
  agentId: string;
  /** BCP 47 tags (`de`, `it-CH`) the agent speaks. */
  languages: string[];
  /** The most conversations the agent takes at once. */
  capacity: number;
  activeChats: number;
  available: boolean;
  lastAssignedAt: Date | null;
}

export interface AgentChoice {
  agentId: string;
  /** Whether the agent speaks the conversation's language; false when the language is not known. */
  speaksLanguage: boolean;
}

/**
 * The agent a waiting conversation goes to: only available agents under their capacity; those who speak the
 * conversation's language (by primary subtag, so `it-CH` and `it` match) before those who do not; then the one
 * with the fewest active chats; then the one who waited longest since their last assignment (never assigned
 * first); ties by id, so every instance routing the same queue makes the same choice. Null when nobody can take it.
 */
export function chooseAgent(candidates: AgentCandidate[], language: string | null): AgentChoice | null {
  const wanted = language === null ? null : primarySubtag(language);
  let best: { candidate: AgentCandidate; speaksLanguage: boolean } | null = null;
  for (const candidate of candidates) {
    if (!candidate.available || candidate.activeChats >= candidate.capacity) continue;
    const speaksLanguage = wanted !== null && candidate.languages.some((tag) => primarySubtag(tag) === wanted);
    const contender = { candidate, speaksLanguage };
    if (best === null || ranksBefore(contender, best)) best = contender;
  }
  return best && { agentId: best.candidate.agentId, speaksLanguage: best.speaksLanguage };
}

function ranksBefore(
  a: { candidate: AgentCandidate; speaksLanguage: boolean },
  b: { candidate: AgentCandidate; speaksLanguage: boolean },
): boolean {
  if (a.speaksLanguage !== b.speaksLanguage) return a.speaksLanguage;
  if (a.candidate.activeChats !== b.candidate.activeChats) return a.candidate.activeChats < b.candidate.activeChats;
  const aLast = a.candidate.lastAssignedAt?.getTime() ?? -Infinity;
  const bLast = b.candidate.lastAssignedAt?.getTime() ?? -Infinity;
  if (aLast !== bLast) return aLast < bLast;
  return a.candidate.agentId < b.candidate.agentId;
}

function primarySubtag(tag: string): string {
  return tag.trim().split(/[-_]/)[0].toLowerCase();
}
