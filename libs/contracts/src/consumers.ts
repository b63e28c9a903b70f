import { TopicName, Topics } from './topics';

/**
 * The topics each service consumes (the README's services table): what tests and benchmarks check when they wait
 * for a service to catch up, and where they put records a service must cope with. They read it from outside the
 * service's process, so it is declared here; every start of a service (checkConsumedTopics in libs/platform) and
 * each app's unit test refuse a list that differs from the topics the service's handlers consume.
 */
export const consumedTopics = {
  'email-ingest': [Topics.EmailInboundAccepted, Topics.EmailOutboundRequested, Topics.IdentityContactAnonymized],
  identity: [
    Topics.EmailInboundReceived,
    Topics.EmailOutboundFailed,
    Topics.TicketsTicketChanged,
    Topics.IdentityAccessMailRequested,
    Topics.ChatVisitorIdentified,
    Topics.ChatConversationEscalated,
    Topics.ChatTranscriptRecorded,
    Topics.TicketsCustomerSuccessSubmitted,
  ],
  tickets: [
    Topics.IdentityRequesterResolved,
    Topics.IdentityContactChanged,
    Topics.IdentityContactMerged,
    Topics.IdentityContactAnonymized,
    Topics.IdentityAgentChanged,
    Topics.EmailOutboundDelivered,
    Topics.EmailOutboundFailed,
    Topics.IdentityChatRequesterResolved,
    Topics.IdentityAccessMailFailed,
    Topics.IdentityCustomerSuccessRequesterResolved,
  ],
  chat: [
    Topics.IdentityAgentChanged,
    Topics.IdentityContactChanged,
    Topics.IdentityOrganizationChanged,
    Topics.IdentityChatRequesterResolved,
    Topics.IdentityContactAnonymized,
  ],
} as const satisfies Record<string, readonly TopicName[]>;

/** The topics `consumedTopics` declares for a service, or undefined for a service it does not name. */
export function declaredTopicsOf(service: string): readonly TopicName[] | undefined {
  return Object.hasOwn(consumedTopics, service) ? consumedTopics[service as keyof typeof consumedTopics] : undefined;
}
