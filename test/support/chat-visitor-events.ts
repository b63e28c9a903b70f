import { randomUUID } from 'node:crypto';
import {
  ChatConversationEscalatedV1,
  ChatEscalation,
  ChatFileRef,
  ChatTranscriptEntry,
  ChatTranscriptRecordedV1,
  ChatVisitor,
  ChatVisitorIdentifiedV1,
  IdentityChatRequesterResolvedV1,
  Requester,
} from '@helpgate/contracts';
import { envelope } from './events';

/** The events chat publishes about its visitors, and identity's answer, as valid payloads; tests override what they vary. */

export function chatVisitor(overrides: Partial<ChatVisitor> = {}): ChatVisitor {
  return { visitorId: randomUUID(), ...overrides };
}

export function chatFile(overrides: Partial<ChatFileRef> = {}): ChatFileRef {
  return { id: randomUUID(), filename: 'screenshot.png', contentType: 'image/png', sizeBytes: 2048, sha256: 'b'.repeat(64), ...overrides };
}

/** A visitor's question, the AI agent's answer and a person's reply, a minute apart from `startedAt`. */
export function chatTranscript(startedAt = new Date('2026-12-05T10:00:00Z'), agentId = randomUUID()): ChatTranscriptEntry[] {
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000).toISOString();
  return [
    { sequence: 1, author: 'visitor', authorName: 'Vera Visitor', text: 'My invoice is wrong.', files: [], sentAt: at(0) },
    { sequence: 2, author: 'ai', authorName: 'Helpbot', text: 'Which invoice number?', files: [], sentAt: at(1) },
    { sequence: 3, author: 'agent', agentId, authorName: 'Alex Agent', text: 'I am looking into it.', files: [], sentAt: at(2) },
  ];
}

export function chatVisitorIdentified(visitor: ChatVisitor & { email: string }, conversationId: string = randomUUID()): ChatVisitorIdentifiedV1 {
  return { ...envelope(), conversationId, visitor };
}

export function chatEscalation(overrides: Partial<ChatEscalation> = {}): ChatEscalation {
  return {
    reason: 'no_agent_available',
    subject: 'My invoice is wrong',
    transcript: chatTranscript(),
    files: [],
    startedAt: new Date('2026-12-05T10:00:00Z').toISOString(),
    ...overrides,
  };
}

export function chatConversationEscalated(
  visitor: ChatVisitor,
  escalation: ChatEscalation = chatEscalation(),
  conversationId: string = randomUUID(),
): ChatConversationEscalatedV1 {
  return { ...envelope(), conversationId, visitor, escalation };
}

export function chatTranscriptRecorded(visitor: ChatVisitor, overrides: Partial<ChatTranscriptRecordedV1> = {}): ChatTranscriptRecordedV1 {
  const transcript = chatTranscript();
  return {
    ...envelope(),
    conversationId: randomUUID(),
    visitor,
    outcome: 'closed_by_agent',
    agents: [{ id: transcript[2]!.agentId!, name: 'Alex Agent' }],
    rating: { score: 5, comment: 'Quick and kind' },
    language: 'en',
    transcript,
    startedAt: transcript[0]!.sentAt,
    endedAt: new Date('2026-12-05T10:05:00Z').toISOString(),
    ...overrides,
  };
}

/** identity's answer for a conversation's visitor; with an escalation, tickets opens a ticket from it. */
export function chatRequesterResolved(
  requester: Requester,
  escalation?: ChatEscalation,
  conversationId: string = randomUUID(),
): IdentityChatRequesterResolvedV1 {
  return { ...envelope(), conversationId, visitorId: randomUUID(), requester, ...(escalation ? { escalation } : {}) };
}
