import type { ChatEscalationReason } from '@helpgate/contracts';

export interface HandoffFacts {
  /** Within the team's business hours (weekly schedule, time zone, holidays). */
  openNow: boolean;
  /** Agents with a live connection who are available (any language: routing prefers speakers but takes anyone). */
  agentsOnline: number;
  requireSupportContract: boolean;
  /** The last day the visitor's organization's support contract covers (ISO date), or null when it has none or is unknown. */
  supportContractActiveUntil: string | null;
  at: Date;
}

export type HandoffDecision =
  | { kind: 'queue' }
  | { kind: 'ticket'; reason: Extract<ChatEscalationReason, 'outside_business_hours' | 'no_agent_available' | 'no_support_contract'> };

/**
 * Whether a conversation asking for a person may wait for one: only customers under contract when the team requires
 * one, only within business hours, and only while someone is there to answer. Otherwise it becomes a ticket.
 */
export function decideHandoff(facts: HandoffFacts): HandoffDecision {
  if (facts.requireSupportContract && !contractActiveOn(facts.supportContractActiveUntil, facts.at)) {
    return { kind: 'ticket', reason: 'no_support_contract' };
  }
  if (!facts.openNow) return { kind: 'ticket', reason: 'outside_business_hours' };
  if (facts.agentsOnline === 0) return { kind: 'ticket', reason: 'no_agent_available' };
  return { kind: 'queue' };
}

/** A contract active until a day covers that whole day (UTC). */
export function contractActiveOn(activeUntil: string | null, at: Date): boolean {
  return activeUntil !== null && activeUntil >= at.toISOString().slice(0, 10);
}

/** A conversation that waited longer than the limit goes to the ticket path. */
export function waitedTooLong(enqueuedAt: Date, at: Date, maxWaitMs: number): boolean {
  return at.getTime() - enqueuedAt.getTime() >= maxWaitMs;
}
