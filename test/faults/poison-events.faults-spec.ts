import { randomUUID } from 'node:crypto';
import { consumedTopics, deadLetterTopicOf, Requester, TopicName, Topics } from '@helpgate/contracts';
import { DEAD_LETTER_HEADERS } from '@helpgate/kafka';
import { services } from '../../scripts/lib/service-processes.cjs';
import {
  accessMailFailed,
  organizationChanged,
  accessMailRequested,
  agentChanged,
  contactAnonymized,
  contactChanged,
  contactMerged,
  customerSuccessRequest,
  customerSuccessRequesterResolved,
  customerSuccessSubmitted,
  emailInboundAcceptedNeverStored,
  emailInboundReceived,
  inboundMail,
  outboundDelivered,
  outboundFailed,
  outboundRequested,
  requesterResolved,
  ticketChanged,
} from '../support/events';
import {
  chatConversationEscalated,
  chatEscalation,
  chatRequesterResolved,
  chatTranscriptRecorded,
  chatVisitor,
  chatVisitorIdentified,
} from '../support/chat-visitor-events';
import { allTickets } from '../support/helpgate-api';
import { eventually } from '../support/infra';
import { FaultScenario, loadSize, scenarioTimeoutMs } from './fault-scenario';
import { outcomeCount } from './fault-tally';

/** Every topic some service consumes, each once. */
const topics = [...new Set(services.flatMap((service) => consumedTopics[service]))];

/** Records no consumer can take: one is not JSON, one is JSON that is no event. */
const poison = ['this is not JSON {', JSON.stringify({ eventId: 'not-a-uuid', occurredAt: 'yesterday' })];

describe('a poison event on every consumed topic under an SMTP load', () => {
  const marker = `behind-poison-${Date.now().toString(36)}`;
  const requester: Requester = {
    contactId: randomUUID(),
    email: `${marker}@poison.test`,
    name: 'Behind Poison',
    organizationId: randomUUID(),
    organizationName: 'Unassigned',
  };
  const request = outboundRequested({ to: [{ address: `${marker}@poison.test` }] });
  /** A valid event behind the poison in its partition: each either shows (a ticket, a relayed mail) or changes nothing. */
  const validEventBehind: Partial<Record<TopicName, object>> = {
    [Topics.EmailInboundAccepted]: emailInboundAcceptedNeverStored(),
    [Topics.EmailInboundReceived]: emailInboundReceived(
      inboundMail({ from: { address: `${marker}@poison.test` }, subject: `Inbound behind poison ${marker}` }),
    ),
    [Topics.IdentityRequesterResolved]: requesterResolved(inboundMail({ subject: `Resolved behind poison ${marker}` }), requester),
    [Topics.TicketsTicketChanged]: ticketChanged({ requesterContactId: requester.contactId, organizationId: requester.organizationId }),
    [Topics.EmailOutboundRequested]: request,
    [Topics.EmailOutboundDelivered]: outboundDelivered(request),
    [Topics.EmailOutboundFailed]: outboundFailed(request),
    [Topics.IdentityContactMerged]: contactMerged(randomUUID(), randomUUID()),
    [Topics.IdentityContactChanged]: contactChanged(requester),
    [Topics.IdentityContactAnonymized]: contactAnonymized(randomUUID()),
    [Topics.IdentityAgentChanged]: agentChanged(),
    [Topics.IdentityOrganizationChanged]: organizationChanged('2027-12-31'),
    [Topics.IdentityAccessMailRequested]: accessMailRequested(requester.contactId),
    [Topics.IdentityAccessMailFailed]: accessMailFailed(randomUUID()),
    [Topics.ChatVisitorIdentified]: chatVisitorIdentified({ ...chatVisitor(), email: `${marker}@poison.test` }),
    [Topics.ChatConversationEscalated]: chatConversationEscalated(
      chatVisitor({ email: `${marker}@poison.test` }),
      chatEscalation({ subject: `Escalated behind poison ${marker}` }),
    ),
    [Topics.ChatTranscriptRecorded]: chatTranscriptRecorded(chatVisitor({ email: `${marker}@poison.test` })),
    [Topics.IdentityChatRequesterResolved]: chatRequesterResolved(requester, chatEscalation({ subject: `Chat behind poison ${marker}` })),
    [Topics.TicketsCustomerSuccessSubmitted]: customerSuccessSubmitted(
      customerSuccessRequest({ email: `${marker}@poison.test`, message: `Customer success behind poison ${marker}` }),
    ),
    [Topics.IdentityCustomerSuccessRequesterResolved]: customerSuccessRequesterResolved(
      customerSuccessRequest({ message: `Resolved customer success behind poison ${marker}` }),
      requester,
    ),
  };
  let scenario: FaultScenario;

  beforeAll(async () => {
    scenario = await FaultScenario.start('Poison event on every consumed topic');
    await scenario.stack.kafka.record(...topics.map(deadLetterTopicOf));
  });

  afterAll(async () => {
    await scenario?.cleanUp();
  });

  it(
    'dead-letters each poison record with its reason, once per consuming service, and processes what is behind it',
    async () => {
      const { stack } = scenario;
      const load = scenario.startLoad();
      await load.decidedAtLeast(loadSize * 0.2);
      const poisonOffsets = new Map<string, string[]>();
      for (const topic of topics) {
        const behind = validEventBehind[topic];
        if (!behind) throw new Error(`No valid event to put behind the poison on ${topic}: add one`);
        const records = [...poison, JSON.stringify(behind)].map((value) => ({ key: marker, value }));
        poisonOffsets.set(topic, (await stack.kafka.produceToPartition(topic, 0, records)).slice(0, poison.length));
      }
      const first = await load.finished;

      expect(outcomeCount(first, 'accepted')).toBe(loadSize);
      await scenario.expectEachMessageOnce(first);
      // Every record behind the poison, the load's and the valid event's, was consumed by every service.
      await stack.waitUntilIdle(60_000);

      const consumers = services.flatMap((service) => consumedTopics[service].map((topic) => ({ service, topic })));
      const expectedLetters = consumers.flatMap(({ service, topic }) =>
        poison.map((value, index) => ({
          topic: deadLetterTopicOf(topic),
          value,
          reason: expect.stringMatching(/^invalid: /),
          group: stack.groupOf(service),
          origin: `${topic}/0/${poisonOffsets.get(topic)![index]}`,
        })),
      );
      await eventually(() => {
        const letters = topics.flatMap((topic) => stack.kafka.messages(deadLetterTopicOf(topic)));
        expect(
          letters.map(({ topic, value, headers }) => ({
            topic,
            value,
            reason: headers[DEAD_LETTER_HEADERS.reason],
            group: headers[DEAD_LETTER_HEADERS.consumerGroup],
            origin: `${headers[DEAD_LETTER_HEADERS.originalTopic]}/${headers[DEAD_LETTER_HEADERS.originalPartition]}/${headers[DEAD_LETTER_HEADERS.originalOffset]}`,
          })),
        ).toEqual(expect.arrayContaining(expectedLetters));
        expect(letters).toHaveLength(expectedLetters.length);
      });

      const subjects = (await allTickets(stack)).map((ticket) => ticket.subject);
      expect(subjects).toEqual(
        expect.arrayContaining([
          `Inbound behind poison ${marker}`,
          `Resolved behind poison ${marker}`,
          `Escalated behind poison ${marker}`,
          `Chat behind poison ${marker}`,
          `Customer success behind poison ${marker}`,
          `Resolved customer success behind poison ${marker}`,
        ]),
      );
      await eventually(() =>
        expect(scenario.relay.to(`${marker}@poison.test`).map((mail) => mail.parsed.messageId)).toContain(request.mail.messageId),
      );
    },
    scenarioTimeoutMs,
  );
});
