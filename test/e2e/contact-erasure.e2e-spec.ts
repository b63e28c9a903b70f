import { createTransport, Transporter } from 'nodemailer';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { ChatClient, clientOf } from '../../apps/chat/test/chat-under-test';
import { services, type ServiceName } from '../../scripts/lib/service-processes.cjs';
import { eventually } from '../support/infra';
import { findPersonalData, PersonalDataFound } from '../support/personal-data';
import { startStack, Stack } from '../support/stack';
import { TestRelay } from '../support/test-relay';

interface TicketSummary {
  id: string;
  requester: { contactId: string };
}

const person = { address: 'erin.erased@acme.test', name: 'Erin Erased' };
const sharedFile = { filename: 'terms.txt', content: 'The general terms every customer of Acme gets.' };

describe('deleting a contact erases the person from every service, through the services as processes', () => {
  let stack: Stack;
  let relay: TestRelay;
  let smtp: Transporter;
  const databases = new Map<ServiceName, Client>();
  const sockets: ChatClient[] = [];

  const ticketsOf = async (address: string) =>
    (await stack.getJson<{ items: TicketSummary[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(address)}`)).items;

  /** What every service's database still holds of the person: each text column of each table, and bytea content. */
  async function personalDataEverywhere(): Promise<Partial<Record<ServiceName, PersonalDataFound[]>>> {
    const found: Partial<Record<ServiceName, PersonalDataFound[]>> = {};
    for (const service of services) {
      const hits = await findPersonalData(databases.get(service)!, [person.address, person.name]);
      if (hits.length > 0) found[service] = hits;
    }
    return found;
  }

  beforeAll(async () => {
    relay = await TestRelay.start();
    // The built-in AI agent keeps the person's conversation open in chat (for people, with nobody online, it would
    // become a ticket at once); the pre-chat form asks for the name and address chat then holds.
    stack = await startStack({
      env: { SMTP_RELAY_URL: relay.url, OUTBOUND_RETRY_BASE_MS: '500', CHAT_AI_AGENT: 'builtin', CHAT_PRE_CHAT_FORM: 'true' },
    });
    smtp = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true, pool: false });
    for (const service of services) {
      const database = new Client({ connectionString: stack.databaseUrlOf(service) });
      await database.connect();
      databases.set(service, database);
    }
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    smtp?.close();
    for (const database of databases.values()) await database.end();
    await stack?.cleanUp();
    await relay?.close();
  });

  /** The person mails twice with attachments (one file also sent by someone else) and gets an agent's reply. */
  async function mailsAndIsAnswered(): Promise<string> {
    await smtp.sendMail({
      from: `"${person.name}" <${person.address}>`,
      to: 'support@helpgate.test',
      subject: `Invoice for ${person.name}`,
      text: `Hello, please send the invoice to ${person.address}.\n-- \n${person.name}`,
      attachments: [{ filename: 'contract.txt', content: `Contract signed by ${person.name}` }, sharedFile],
    });
    await smtp.sendMail({
      from: `"${person.name}" <${person.address}>`,
      to: 'support@helpgate.test',
      subject: 'Second question',
      text: 'Can I add a colleague?',
      attachments: [{ filename: 'screenshot.txt', content: `Account page of ${person.address}` }],
    });
    await smtp.sendMail({
      from: '"Bob Stone" <bob@acme.test>',
      to: 'support@helpgate.test',
      subject: 'Terms',
      text: 'Terms attached.',
      attachments: [sharedFile],
    });
    const tickets = await eventually(async () => {
      const found = await ticketsOf(person.address);
      expect(found).toHaveLength(2);
      return found;
    });
    const reply = await stack.fetch('tickets', `/tickets/${tickets[0].id}/replies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Hello ${person.name}, the invoice is on its way.` }),
    });
    expect(reply.status).toBe(201);
    await relay.receivedTo(person.address, 3);
    return tickets[0].requester.contactId;
  }

  /**
   * The person chats on the website: the pre-chat form's name and address, messages naming both, the AI agent's
   * answer; identity finds the contact by the address and chat links the visitor to it.
   */
  async function chatsOnTheWebsite(contactId: string): Promise<void> {
    const visitor = clientOf(io(`${stack.url.chat}/visitor`, { transports: ['websocket'], reconnection: false, forceNew: true }));
    sockets.push(visitor);
    const { visitorId } = await visitor.next<{ visitorId: string }>('session');
    const { id: conversationId } = await visitor.request<{ id: string }>('conversation.start', {
      name: person.name,
      email: person.address,
    });
    const sent = await visitor.request<{ sequence: number }>('message.send', {
      conversationId,
      clientId: randomUUID(),
      text: `Hi, ${person.name} here: my invoices should go to ${person.address}, not to my colleague.`,
    });
    await visitor.next<{ clientId: string }>('message', (message) => message.clientId === `ai:${sent.sequence}`);
    await eventually(async () => {
      const linked = await databases.get('chat')!.query('SELECT contact_id FROM visitors WHERE id = $1', [visitorId]);
      expect(linked.rows).toEqual([{ contact_id: contactId }]);
    }, 30_000);
  }

  it('leaves neither the address nor the name in any database once identity erased the contact', async () => {
    const contactId = await mailsAndIsAnswered();
    await chatsOnTheWebsite(contactId);
    const before = await personalDataEverywhere();
    expect(Object.keys(before).sort()).toEqual(['chat', 'email-ingest', 'identity', 'tickets']);
    expect(before.chat!.map(({ table }) => table)).toEqual(expect.arrayContaining(['visitors', 'chat_messages', 'chat_contacts']));
    expect(before['email-ingest']!.map(({ table }) => table)).toEqual(
      expect.arrayContaining(['raw_messages', 'attachments', 'inbound_messages', 'outbound_deliveries']),
    );

    expect((await stack.fetch('identity', `/contacts/${contactId}`, { method: 'DELETE' })).status).toBe(204);

    await eventually(async () => expect(await personalDataEverywhere()).toEqual({}), 30_000);
    const bobsTickets = await ticketsOf('bob@acme.test');
    expect(bobsTickets).toHaveLength(1);
    const shared = await databases.get('email-ingest')!.query('SELECT filename FROM attachments');
    expect(shared.rows).toEqual([{ filename: sharedFile.filename }]);
  });
});
