import { z } from 'zod';
import {
  emailInboundAcceptedV1,
  emailInboundReceivedV2,
  emailOutboundDeliveredV1,
  emailOutboundFailedV1,
  emailOutboundRequestedV1,
} from './events/email';
import {
  identityAccessMailFailedV1,
  identityAccessMailRequestedV1,
  identityAgentChangedV1,
  identityContactAnonymizedV2,
  identityContactChangedV1,
  identityContactMergedV1,
  identityRequesterResolvedV2,
} from './events/identity';
import { ticketsTicketChangedV3 } from './events/tickets';
import {
  chatConversationEscalatedV1,
  chatTranscriptRecordedV1,
  chatVisitorIdentifiedV1,
  identityChatRequesterResolvedV1,
  identityOrganizationChangedV1,
} from './events/chat';
import { identityCustomerSuccessRequesterResolvedV1, ticketsCustomerSuccessSubmittedV1 } from './events/customer-success';

export const Topics = {
  EmailInboundAccepted: 'email.inbound.accepted.v1',
  EmailInboundReceived: 'email.inbound.received.v2',
  EmailOutboundRequested: 'email.outbound.requested.v1',
  EmailOutboundDelivered: 'email.outbound.delivered.v1',
  EmailOutboundFailed: 'email.outbound.failed.v1',
  IdentityRequesterResolved: 'identity.requester.resolved.v2',
  IdentityContactChanged: 'identity.contact.changed.v1',
  IdentityContactMerged: 'identity.contact.merged.v1',
  IdentityContactAnonymized: 'identity.contact.anonymized.v2',
  IdentityAgentChanged: 'identity.agent.changed.v1',
  IdentityAccessMailRequested: 'identity.access-mail.requested.v1',
  IdentityAccessMailFailed: 'identity.access-mail.failed.v1',
  TicketsTicketChanged: 'tickets.ticket.changed.v3',
  IdentityOrganizationChanged: 'identity.organization.changed.v1',
  IdentityChatRequesterResolved: 'identity.chat-requester.resolved.v1',
  ChatVisitorIdentified: 'chat.visitor.identified.v1',
  ChatConversationEscalated: 'chat.conversation.escalated.v1',
  ChatTranscriptRecorded: 'chat.transcript.recorded.v1',
  TicketsCustomerSuccessSubmitted: 'tickets.customer-success.submitted.v1',
  IdentityCustomerSuccessRequesterResolved: 'identity.customer-success-requester.resolved.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The one map from topic to payload schema: producers and consumers are typed and validated by it. */
export const topicSchemas = {
  [Topics.EmailInboundAccepted]: emailInboundAcceptedV1,
  [Topics.EmailInboundReceived]: emailInboundReceivedV2,
  [Topics.EmailOutboundRequested]: emailOutboundRequestedV1,
  [Topics.EmailOutboundDelivered]: emailOutboundDeliveredV1,
  [Topics.EmailOutboundFailed]: emailOutboundFailedV1,
  [Topics.IdentityRequesterResolved]: identityRequesterResolvedV2,
  [Topics.IdentityContactChanged]: identityContactChangedV1,
  [Topics.IdentityContactMerged]: identityContactMergedV1,
  [Topics.IdentityContactAnonymized]: identityContactAnonymizedV2,
  [Topics.IdentityAgentChanged]: identityAgentChangedV1,
  [Topics.IdentityAccessMailRequested]: identityAccessMailRequestedV1,
  [Topics.IdentityAccessMailFailed]: identityAccessMailFailedV1,
  [Topics.TicketsTicketChanged]: ticketsTicketChangedV3,
  [Topics.IdentityOrganizationChanged]: identityOrganizationChangedV1,
  [Topics.IdentityChatRequesterResolved]: identityChatRequesterResolvedV1,
  [Topics.ChatVisitorIdentified]: chatVisitorIdentifiedV1,
  [Topics.ChatConversationEscalated]: chatConversationEscalatedV1,
  [Topics.ChatTranscriptRecorded]: chatTranscriptRecordedV1,
  [Topics.TicketsCustomerSuccessSubmitted]: ticketsCustomerSuccessSubmittedV1,
  [Topics.IdentityCustomerSuccessRequesterResolved]: identityCustomerSuccessRequesterResolvedV1,
} satisfies Record<TopicName, z.ZodType>;

export type EventOf<T extends TopicName> = z.infer<(typeof topicSchemas)[T]>;

export const allTopics: readonly TopicName[] = Object.values(Topics);

export function isTopicName(value: string): value is TopicName {
  return (allTopics as readonly string[]).includes(value);
}

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
