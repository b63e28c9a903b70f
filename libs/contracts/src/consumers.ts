import { TopicName, Topics } from './topics';

/**
 * The topics each service consumes (the README's services table): what tests and benchmarks check when they wait
 * for a service to catch up, and where they put records a service must cope with.
 */
export const consumedTopics = {
  'email-ingest': [Topics.EmailInboundAccepted, Topics.EmailOutboundRequested],
  identity: [Topics.EmailInboundReceived, Topics.EmailOutboundFailed, Topics.TicketsTicketChanged, Topics.IdentityAccessMailRequested],
  tickets: [
    Topics.IdentityRequesterResolved,
    Topics.IdentityContactChanged,
    Topics.IdentityContactMerged,
    Topics.IdentityContactAnonymized,
    Topics.IdentityAgentChanged,
    Topics.EmailOutboundDelivered,
    Topics.EmailOutboundFailed,
  ],
  chat: [
    Topics.IdentityAgentChanged,
    Topics.IdentityContactChanged,
    Topics.IdentityOrganizationChanged,
    Topics.IdentityChatRequesterResolved,
  ],
} as const satisfies Record<string, readonly TopicName[]>;
