import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';
import { requesterSchema } from './identity';

/** A file a chat participant sent: stored by chat (by id), downloadable through chat's API by participants and agents. */
export const chatFileRefSchema = z.object({
  id: z.uuid(),
  filename: z.string().max(255),
  contentType: z.string().max(255),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ChatFileRef = z.infer<typeof chatFileRefSchema>;

export const chatAuthorKinds = ['visitor', 'agent', 'ai', 'system'] as const;

/** One message of a conversation as it appears in a transcript, in sequence order. */
export const chatTranscriptEntrySchema = z.object({
  sequence: z.number().int().positive(),
  author: z.enum(chatAuthorKinds),
  /** The agent's id for `agent` entries. */
  agentId: z.uuid().optional(),
  authorName: z.string().max(500),
  text: z.string().max(20_000),
  files: z.array(chatFileRefSchema).max(10),
  sentAt: z.iso.datetime({ offset: true }),
});

export type ChatTranscriptEntry = z.infer<typeof chatTranscriptEntrySchema>;

/** Who the visitor is as far as chat knows: a signed-in contact, or the name and address given before the chat. */
export const chatVisitorSchema = z.object({
  visitorId: z.uuid(),
  contactId: z.uuid().optional(),
  email: z.string().min(3).max(320).optional(),
  name: z.string().max(500).optional(),
});

export type ChatVisitor = z.infer<typeof chatVisitorSchema>;

export const chatEscalationReasons = [
  'no_agent_available',
  'outside_business_hours',
  'wait_too_long',
  'visitor_left',
  'no_support_contract',
  'agent_choice',
] as const;

export type ChatEscalationReason = (typeof chatEscalationReasons)[number];

/** What a ticket opened from a conversation needs: its subject, the transcript and the conversation's files. */
export const chatEscalationSchema = z.object({
  reason: z.enum(chatEscalationReasons),
  /** The agent who escalated, for `agent_choice`. */
  agentId: z.uuid().optional(),
  subject: z.string().min(1).max(2000),
  language: z.string().max(35).optional(),
  transcript: z.array(chatTranscriptEntrySchema).max(5000),
  files: z.array(chatFileRefSchema).max(100),
  startedAt: z.iso.datetime({ offset: true }),
});

export type ChatEscalation = z.infer<typeof chatEscalationSchema>;

/**
 * A visitor gave chat an email address (the pre-chat step, or when asked before an escalation): identity finds the
 * contact by the rules mail follows, or creates it, and answers with `identity.chat-requester.resolved.v1`.
 * Keyed by conversation id.
 */
export const chatVisitorIdentifiedV1 = eventEnvelopeSchema.extend({
  conversationId: z.uuid(),
  visitor: chatVisitorSchema.extend({ email: z.string().min(3).max(320) }),
});

export type ChatVisitorIdentifiedV1 = z.infer<typeof chatVisitorIdentifiedV1>;

/**
 * A conversation becomes a ticket (no agent, wait too long, outside business hours, visitor gone, or an agent's
 * choice). The visitor has an email address or a contact. identity resolves the requester as for mail and passes the
 * escalation on in `identity.chat-requester.resolved.v1`; tickets opens the ticket from that. Keyed by conversation id.
 */
export const chatConversationEscalatedV1 = eventEnvelopeSchema.extend({
  conversationId: z.uuid(),
  visitor: chatVisitorSchema,
  escalation: chatEscalationSchema,
});

export type ChatConversationEscalatedV1 = z.infer<typeof chatConversationEscalatedV1>;

export const chatConversationOutcomes = ['closed_by_agent', 'closed_by_visitor', 'escalated', 'abandoned'] as const;

/**
 * A conversation that reached a person ended: identity records its transcript on the contact's profile (found by
 * contact id, else by the visitor's address; nothing is recorded for a visitor identity cannot find). Conversations
 * with the AI agent alone are never recorded. Keyed by conversation id.
 */
export const chatTranscriptRecordedV1 = eventEnvelopeSchema.extend({
  conversationId: z.uuid(),
  visitor: chatVisitorSchema,
  outcome: z.enum(chatConversationOutcomes),
  agents: z.array(z.object({ id: z.uuid(), name: z.string().max(200) })).max(50),
  rating: z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }).optional(),
  language: z.string().max(35).optional(),
  transcript: z.array(chatTranscriptEntrySchema).max(5000),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }),
});

export type ChatTranscriptRecordedV1 = z.infer<typeof chatTranscriptRecordedV1>;

/**
 * identity's answer to `chat.visitor.identified.v1` and `chat.conversation.escalated.v1`: the contact the visitor is
 * (found or created by the rules mail follows). chat links the conversation to it; tickets opens a ticket when
 * `escalation` is present. Keyed by conversation id.
 */
export const identityChatRequesterResolvedV1 = eventEnvelopeSchema.extend({
  conversationId: z.uuid(),
  visitorId: z.uuid(),
  requester: requesterSchema,
  escalation: chatEscalationSchema.optional(),
});

export type IdentityChatRequesterResolvedV1 = z.infer<typeof identityChatRequesterResolvedV1>;

/**
 * An organization was created or changed, its support contract included. Keyed by organization id. chat offers
 * people only to visitors whose organization's contract is active, when the team requires one.
 */
export const identityOrganizationChangedV1 = eventEnvelopeSchema.extend({
  organization: z.object({
    id: z.uuid(),
    name: z.string().max(200),
    /** The last day (inclusive, ISO date) the support contract covers; null when the organization has none. */
    supportContractActiveUntil: z.iso.date().nullable(),
  }),
});

export type IdentityOrganizationChangedV1 = z.infer<typeof identityOrganizationChangedV1>;
