import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  EmailOutboundRequestedV1,
  IdentityAccessMailRequestedV1,
  InboundMail,
  Requester,
  TicketsTicketChangedV3,
  TopicName,
  Topics,
} from '@helpgate/contracts';
import { databaseUrl } from '@helpgate/database';
import { agentToken } from '../../../test/support/auth';
import { agentChanged, contactChanged, requesterResolved } from '../../../test/support/events';
import { eventually } from '../../../test/support/infra';
import { publishAndWaitHandled } from '../../../test/support/handled-event';
import { ServiceInProcess, startServiceInProcess } from '../../../test/support/service-in-process';
import { ticketsServiceDefinition } from '../src/tickets.definition';

export interface TicketsUnderTest extends ServiceInProcess {
  /** Connected to the service's own database. */
  database: Client;
  /** The agent (an admin) the requests of `asAgent` come from; identity has announced it, so tickets can be assigned to it. */
  agentId: string;
  /** A JSON request made by the agent. */
  asAgent(method: string, path: string, body?: unknown): Promise<Response>;
  /** A JSON request with another token, or none. */
  withToken(token: string | null, method: string, path: string, body?: unknown): Promise<Response>;
  /** The body of a successful request by the agent; fails the test on any other status. */
  asAgentOk<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** Publishes an event to the service and waits until it has handled it. */
  handled(topic: TopicName, key: string, event: { eventId: string }): Promise<void>;
  /** Tells the service about an agent as identity does, and waits until it knows it. */
  knownAgent(agent?: { id?: string; name?: string; active?: boolean }): Promise<{ id: string; name: string }>;
  /** Tells the service about a contact as identity does, and waits until it knows it. */
  knownContact(email: string, organization?: { id: string; name: string }): Promise<Requester>;
  /** A mail from the contact, resolved by identity, handled by the service. */
  deliverMail(mail: InboundMail, from: Requester): Promise<void>;
  ticketEvents(ticketId: string): TicketsTicketChangedV3[];
  outboundMailsOf(ticketId: string): EmailOutboundRequestedV1['mail'][];
  /** Mail the service asked identity to complete with portal values and send. */
  accessMailsOf(ticketId: string): IdentityAccessMailRequestedV1[];
  close(): Promise<void>;
}

/** Starts tickets in this process, connected to its database, recording the ticket and outbound mail events. */
export async function startTickets(env: NodeJS.ProcessEnv = {}): Promise<TicketsUnderTest> {
  const service = await startServiceInProcess(ticketsServiceDefinition, env);
  const database = new Client({ connectionString: databaseUrl(service.env.DATABASE_URL!, service.env.DATABASE_NAME!) });
  try {
    await database.connect();
    await service.kafka.record(Topics.TicketsTicketChanged, Topics.EmailOutboundRequested, Topics.IdentityAccessMailRequested);
  } catch (error) {
    await service.close();
    throw error;
  }
  const agentId = randomUUID();
  const defaultOrganization = { id: randomUUID(), name: 'Acme' };
  const token = agentToken('admin', agentId);
  const asAgent = (method: string, path: string, body?: unknown) =>
    service.request(method, path, body, { authorization: `Bearer ${token}` });
  const withToken = (other: string | null, method: string, path: string, body?: unknown) =>
    fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(other ? { authorization: `Bearer ${other}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const handled = (topic: TopicName, key: string, event: { eventId: string }) =>
    publishAndWaitHandled(service.kafka, database, topic, key, event);
  const knownAgent = async (agent: { id?: string; name?: string; active?: boolean } = {}) => {
    const event = agentChanged(agent);
    await handled(Topics.IdentityAgentChanged, event.agent.id, event);
    return { id: event.agent.id, name: event.agent.name };
  };
  try {
    await knownAgent({ id: agentId, name: 'Ada Admin' });
  } catch (error) {
    await database.end();
    await service.close();
    throw error;
  }
  return {
    ...service,
    database,
    agentId,
    knownAgent,
    asAgent,
    withToken,
    handled,
    async asAgentOk<T>(method: string, path: string, body?: unknown) {
      const response = await asAgent(method, path, body);
      const text = await response.text();
      if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
      return JSON.parse(text) as T;
    },
    async knownContact(email, organization = defaultOrganization) {
      const contact: Requester = {
        contactId: randomUUID(),
        email,
        name: email.split('@')[0],
        organizationId: organization.id,
        organizationName: organization.name,
      };
      await handled(Topics.IdentityContactChanged, contact.contactId, contactChanged(contact));
      return contact;
    },
    async deliverMail(mail, from) {
      await handled(Topics.IdentityRequesterResolved, from.contactId, requesterResolved(mail, from));
    },
    ticketEvents: (ticketId) =>
      service.kafka.events<TicketsTicketChangedV3>(Topics.TicketsTicketChanged).filter((event) => event.ticket.id === ticketId),
    outboundMailsOf: (ticketId) =>
      service.kafka
        .events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested)
        .map((event) => event.mail)
        .filter((mail) => mail.ticketId === ticketId),
    accessMailsOf: (ticketId) =>
      service.kafka
        .events<IdentityAccessMailRequestedV1>(Topics.IdentityAccessMailRequested)
        .filter((event) => event.mail.ticketId === ticketId),
    async close() {
      await database.end();
      await service.close();
    },
  };
}

/** The requester's tickets with their details, oldest first, as an agent reads them through the API. */
export async function ticketsOfRequester<Ticket extends { id: string; number: number }>(
  service: ServiceInProcess,
  email: string,
): Promise<Ticket[]> {
  const list = (await (await service.fetch(`/tickets?requesterEmail=${encodeURIComponent(email)}`)).json()) as { items: Ticket[] };
  const details = await Promise.all(list.items.map(async ({ id }) => (await (await service.fetch(`/tickets/${id}`)).json()) as Ticket));
  return details.sort((a, b) => a.number - b.number);
}

/** Waits until the requester has exactly `count` tickets, and returns them. */
export async function waitForTicketsOf<Ticket extends { id: string; number: number }>(
  service: ServiceInProcess,
  email: string,
  count: number,
): Promise<Ticket[]> {
  return eventually(async () => {
    const found = await ticketsOfRequester<Ticket>(service, email);
    expect(found).toHaveLength(count);
    return found;
  });
}

/** The acknowledgements the service asked email-ingest to send to the address. */
export function acknowledgementsOf(service: ServiceInProcess, email: string): EmailOutboundRequestedV1[] {
  return service.kafka
    .events<EmailOutboundRequestedV1>(Topics.EmailOutboundRequested)
    .filter((event) => event.mail.kind === 'acknowledgement' && event.mail.to[0].address === email);
}
