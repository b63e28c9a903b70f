import { z } from 'zod';
import { chatAuthorKinds, chatFileRefSchema } from '@helpgate/contracts';
import { ChatErrorCode } from '../domain/chat.exception';
import { conversationStates } from '../conversations/conversation-state';

/**
 * The socket protocol: every event a client sends (validated on arrival, answered through the acknowledgement
 * callback) and every event the server emits, with its zod schema. The gateways validate with these, and the
 * AsyncAPI document (`/asyncapi.json`) is generated from them, so the document cannot drift from the code.
 */
export interface ClientEvent<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  description: string;
}

const uuid = z.uuid();
const conversationRef = z.object({ conversationId: uuid });
/** A client's own id for a message it sends: the same id sent twice is stored once. */
const clientId = z.string().min(1).max(100);
const language = z.string().min(2).max(35);

const messageSend = z.object({
  /** Absent: a new conversation. A conversation that ended: a new one linked to it. */
  conversationId: uuid.optional(),
  clientId,
  text: z.string().max(100_000),
  fileIds: z.array(uuid).max(20).default([]),
  language: language.optional(),
});

const resume = z.object({
  conversationId: uuid,
  /** The last sequence number the client saw; it gets every message after it, in order. */
  afterSequence: z.number().int().min(0).default(0),
});

const typing = z.object({ conversationId: uuid, typing: z.boolean() });
const read = z.object({ conversationId: uuid, sequence: z.number().int().min(1) });
const identify = z.object({ conversationId: uuid.optional(), name: z.string().max(200).optional(), email: z.email().max(320) });

export const visitorEvents = {
  'conversations.list': { schema: z.object({}).default({}), description: 'All of the visitor’s conversations, newest first' },
  'conversation.start': {
    schema: z.object({ language: language.optional(), name: z.string().max(200).optional(), email: z.email().max(320).optional() }),
    description: 'Starts a conversation (with the pre-chat name and email when that step is on)',
  },
  'message.send': { schema: messageSend, description: 'Sends a message; acknowledged once stored, with its sequence number' },
  'conversation.resume': { schema: resume, description: 'Joins a conversation again and answers every message after `afterSequence`' },
  typing: { schema: typing, description: 'The visitor is typing (or stopped)' },
  read: { schema: read, description: 'The visitor read the conversation up to `sequence`' },
  'person.request': { schema: conversationRef, description: 'The visitor asks for a person (the AI agent hands over)' },
  'visitor.identify': { schema: identify, description: 'The visitor gives its email (asked before a ticket, or the pre-chat step)' },
  'conversation.close': {
    schema: conversationRef.extend({
      rating: z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }).optional(),
    }),
    description: 'The visitor ends the conversation, optionally rating it',
  },
  'conversation.rate': {
    schema: conversationRef.extend({ score: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
    description: 'Rates an ended conversation (score 1-5 and a comment), once',
  },
} satisfies Record<string, ClientEvent>;

export const agentEvents = {
  renew: { schema: z.object({ token: z.string().min(1).max(4000) }), description: 'A fresh access token, after `token_expiring`' },
  'presence.set': {
    schema: z.object({ status: z.enum(['available', 'away']) }),
    description: 'Available takes routed chats; away takes none',
  },
  'queue.list': { schema: z.object({}).default({}), description: 'The queue in order, with each conversation’s wait' },
  'conversations.mine': {
    schema: z.object({}).default({}),
    description: 'The conversations the agent has now, each with its visitor (after a reload, or a `conversation.assigned`)',
  },
  'conversation.watch': {
    schema: conversationRef.extend({ watching: z.boolean() }),
    description:
      'Follows a conversation the agent does not have (its `message` and `conversation.updated` events), or stops; answers its messages so far',
  },
  'conversations.with_ai': {
    schema: z.object({}).default({}),
    description: 'The conversations the AI agent is answering now, newest first (at most 200), for an agent to take over',
  },
  'conversation.accept': { schema: conversationRef, description: 'Takes a queued conversation; exactly one of simultaneous accepts wins' },
  'conversation.take_over': {
    schema: conversationRef,
    description: 'Takes a conversation the AI agent is answering, past the queue (handoff reason `agent_takeover`)',
  },
  'conversation.transfer': {
    schema: conversationRef.extend({ toAgentId: uuid.optional() }),
    description: 'Hands a conversation to a colleague, or back to the queue without `toAgentId`',
  },
  'conversation.close': { schema: conversationRef, description: 'Ends a conversation the agent has' },
  'conversation.escalate': { schema: conversationRef, description: 'Turns a conversation into a ticket (the agent’s choice)' },
  'message.send': {
    schema: messageSend.extend({ conversationId: uuid }).omit({ language: true }),
    description: 'Answers in a conversation the agent has',
  },
  'conversation.resume': {
    schema: resume,
    description: 'Every message after `afterSequence` of a conversation the agent has or is queued',
  },
  typing: { schema: typing, description: 'The agent is typing (or stopped)' },
  read: { schema: read, description: 'The agent read the conversation up to `sequence`' },
} satisfies Record<string, ClientEvent>;

export type VisitorEventName = keyof typeof visitorEvents;
export type AgentEventName = keyof typeof agentEvents;
export type VisitorEvent<Name extends VisitorEventName> = z.output<(typeof visitorEvents)[Name]['schema']>;
export type AgentEvent<Name extends AgentEventName> = z.output<(typeof agentEvents)[Name]['schema']>;

export const messageViewSchema = z.object({
  conversationId: uuid,
  sequence: z.number().int().positive(),
  clientId: z.string(),
  author: z.enum(chatAuthorKinds),
  agentId: uuid.nullable(),
  /** The author's name for agents; the text is as sent, to be rendered as text, never as markup. */
  authorName: z.string().nullable(),
  text: z.string(),
  files: z.array(chatFileRefSchema),
  sentAt: z.iso.datetime({ offset: true }),
});

export const conversationViewSchema = z.object({
  id: uuid,
  state: z.enum(conversationStates),
  language: z.string().nullable(),
  queueReason: z.string().nullable(),
  previousConversationId: uuid.nullable(),
  assignedAgent: z.object({ id: uuid, name: z.string() }).nullable(),
  lastSequence: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  outcome: z.string().nullable(),
});

/** Who an agent is chatting with: what the visitor gave, and the contact identity knows it as (for its profile and tickets). */
export const conversationVisitorSchema = z.object({
  id: uuid,
  name: z.string().nullable(),
  email: z.string().nullable(),
  contactId: uuid.nullable(),
});

export const agentConversationSchema = conversationViewSchema.extend({ visitor: conversationVisitorSchema });

export const queuePositionSchema = z.object({
  conversationId: uuid,
  position: z.number().int().positive(),
  /** null when there is nothing to estimate from yet. */
  estimatedWaitMs: z.number().int().nonnegative().nullable(),
  /** The languages the team online speaks, so a visitor knows which to write in. */
  teamLanguages: z.array(z.string()),
});

export const errorEventSchema = z.object({
  code: z.enum(ChatErrorCode),
  message: z.string(),
  /** The client event that was refused. */
  event: z.string().optional(),
});

export const queueEntrySchema = z.object({
  conversationId: uuid,
  position: z.number().int().positive(),
  reason: z.string(),
  language: z.string().nullable(),
  enqueuedAt: z.iso.datetime({ offset: true }),
  preview: z.string(),
});

/** What the server emits on `/visitor`. */
export const visitorServerEvents = {
  session: {
    schema: z.object({ visitorId: uuid, visitorToken: z.string().nullable() }),
    description: 'Who the visitor is; anonymous visitors keep the token',
  },
  message: {
    schema: messageViewSchema,
    description: 'A stored message of one of the visitor’s conversations (not to the socket that sent it: its acknowledgement holds it)',
  },
  'message.partial': {
    schema: z.object({ conversationId: uuid, clientId: z.string(), index: z.number().int().nonnegative(), part: z.string() }),
    description:
      'A part of an answer the AI agent is writing, numbered from 0 (parts may arrive out of order); the whole answer then arrives as a `message` with the same `clientId`',
  },
  'conversation.updated': { schema: conversationViewSchema, description: 'A conversation changed state' },
  'queue.position': { schema: queuePositionSchema, description: 'Position and estimated wait, pushed as the queue moves' },
  'email.required': {
    schema: z.object({ conversationId: uuid, reason: z.string() }),
    description: 'No person can take the conversation: give an email (`visitor.identify`) and it becomes a ticket',
  },
  escalated: {
    schema: z.object({ conversationId: uuid, reason: z.string(), email: z.string().nullable() }),
    description: 'The conversation became a ticket: the answer comes by mail',
  },
  typing: { schema: typing, description: 'The agent is typing' },
  read: { schema: read, description: 'The agent read up to `sequence`' },
  error: { schema: errorEventSchema, description: 'A refused event or connection, with its code' },
} satisfies Record<string, ClientEvent>;

/** What the server emits on `/agent`. */
export const agentServerEvents = {
  'queue.added': { schema: queueEntrySchema, description: 'A conversation entered the queue (every agent, on every instance)' },
  'queue.removed': { schema: conversationRef, description: 'A conversation left the queue' },
  'conversation.assigned': { schema: conversationViewSchema, description: 'A conversation is now yours (routed, accepted or transferred)' },
  'conversation.updated': { schema: conversationViewSchema, description: 'A conversation you have changed state' },
  message: {
    schema: messageViewSchema,
    description: 'A stored message of a conversation you have (not to the socket that sent it: its acknowledgement holds it)',
  },
  'conversation.rated': {
    schema: conversationRef.extend({ score: z.number().int().min(1).max(5), comment: z.string().optional() }),
    description: 'The visitor rated a conversation you had',
  },
  presence: {
    schema: z.object({ agentId: uuid, status: z.enum(['available', 'away', 'offline']) }),
    description: 'An agent’s presence changed',
  },
  token_expiring: {
    schema: z.object({ expiresAt: z.iso.datetime({ offset: true }) }),
    description: 'Send `renew` with a fresh token before `expiresAt`',
  },
  token_expired: {
    schema: z.object({ expiredAt: z.iso.datetime({ offset: true }) }),
    description: 'The token expired: the connection closes',
  },
  typing: { schema: typing, description: 'The visitor is typing' },
  read: { schema: read, description: 'The visitor read up to `sequence`' },
  error: { schema: errorEventSchema, description: 'A refused event or connection, with its code' },
} satisfies Record<string, ClientEvent>;

export type MessageView = z.infer<typeof messageViewSchema>;
export type ConversationView = z.infer<typeof conversationViewSchema>;
export type AgentConversationView = z.infer<typeof agentConversationSchema>;
export type QueuePosition = z.infer<typeof queuePositionSchema>;
export type QueueEntryView = z.infer<typeof queueEntrySchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
