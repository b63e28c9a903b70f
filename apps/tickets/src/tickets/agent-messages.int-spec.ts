import { randomUUID } from 'node:crypto';
import type { OutboundMail, Requester } from '@helpgate/contracts';
import type { PageOf } from '@helpgate/platform';
import { inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import { ThreadTokens } from '../domain/thread-tokens';
import type { AuditEntryDto, TicketDetailDto, TicketSummaryDto } from './ticket.dto';

const threadSecret = 'agent-messages-test-thread-secret-0000000';

describe('agents reply publicly by mail and write internal notes (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  const tokens = new ThreadTokens(threadSecret);

  /** A ticket opened from a customer's mail (so it has a conversation: the mail and its acknowledgement). */
  async function ticketFromMail(
    requester: Requester,
    cc: { address: string }[] = [],
  ): Promise<{ ticket: TicketDetailDto; firstMailId: string }> {
    const mail = inboundMail({ from: { address: requester.email }, cc, subject: `Question from ${requester.email}` });
    await tickets.deliverMail(mail, requester);
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterEmail=${encodeURIComponent(requester.email)}`);
    return { ticket: await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${page.items[0].id}`), firstMailId: mail.messageId };
  }

  function outboundMails(ticketId: string, count: number): Promise<OutboundMail[]> {
    return eventually(() => {
      const mails = tickets.outboundMailsOf(ticketId);
      expect(mails).toHaveLength(count);
      return mails;
    });
  }

  const reply = (ticketId: string, body: Record<string, unknown>) =>
    tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticketId}/replies`, body);

  beforeAll(async () => {
    tickets = await startTickets({ TICKETS_THREAD_SECRET: threadSecret, TICKETS_SUPPORT_NAME: 'Acme Support' });
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('mails a public reply to the requester and CCs, threaded into the conversation, and opens the ticket', async () => {
    const jane = await tickets.knownContact('jane@acme.test');
    const { ticket, firstMailId } = await ticketFromMail(jane, [{ address: 'carl@acme.test' }]);
    const [acknowledgement] = await outboundMails(ticket.id, 1);

    const replied = await reply(ticket.id, { body: 'Please clear your cookies and try again.' });
    expect(replied).toMatchObject({ id: ticket.id, status: 'open', firstResponseAt: expect.any(String) });
    const message = replied.messages.at(-1)!;
    expect(message).toMatchObject({
      visibility: 'public',
      direction: 'outbound',
      author: { kind: 'agent', agentId: tickets.agentId, name: 'Acme Support' },
      bodyText: 'Please clear your cookies and try again.',
      delivery: { status: 'queued', error: null },
    });

    const [, mail] = await outboundMails(ticket.id, 2);
    expect(mail).toMatchObject({
      kind: 'reply',
      from: { address: 'support@helpgate.test', name: 'Acme Support' },
      to: [{ address: 'jane@acme.test' }],
      cc: [{ address: 'carl@acme.test' }],
      subject: `[#${ticket.number}] Re: ${ticket.subject}`,
      text: 'Please clear your cookies and try again.',
      inReplyTo: acknowledgement.messageId,
      references: [firstMailId, acknowledgement.messageId],
      autoSubmitted: 'no',
      messageId: message.mailMessageId,
      ticketId: ticket.id,
    });
    expect(tokens.ticketOfMessageId(mail.messageId)).toBe(ticket.id);
    expect(tokens.ticketOfReplyAddress(mail.replyTo!.address)).toBe(ticket.id);

    const again = await reply(ticket.id, { body: 'Did it help?' });
    expect(again.firstResponseAt).toBe(replied.firstResponseAt);
    const [, , second] = await outboundMails(ticket.id, 3);
    expect(second.inReplyTo).toBe(mail.messageId);
  });

  it('never mails an internal note, while recording and announcing it', async () => {
    const nora = await tickets.knownContact('nora@acme.test');
    const { ticket } = await ticketFromMail(nora);
    await outboundMails(ticket.id, 1);

    const noted = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket.id}/notes`, { body: 'Internal: VIP customer.' });
    expect(noted.status).toBe('new');
    expect(noted.firstResponseAt).toBeNull();
    expect(noted.messages.at(-1)).toMatchObject({
      visibility: 'internal',
      author: { kind: 'agent', agentId: tickets.agentId },
      bodyText: 'Internal: VIP customer.',
      delivery: null,
      mailMessageId: null,
    });
    // The outbox publishes in order: once the reply after the note is out, a mail for the note would be too.
    await reply(ticket.id, { body: 'Marker reply.' });
    const mails = await outboundMails(ticket.id, 2);
    expect(mails.map((mail) => mail.kind)).toEqual(['acknowledgement', 'reply']);
    expect(mails.some((mail) => mail.text.includes('VIP'))).toBe(false);
    expect(tickets.ticketEvents(ticket.id)).toContainEqual(
      expect.objectContaining({
        change: 'message_added',
        message: expect.objectContaining({ visibility: 'internal', authorKind: 'agent' }),
      }),
    );
  });

  it('reopens a solved ticket on a reply, and lets the agent choose the status the reply leaves it in', async () => {
    const sol = await tickets.knownContact('sol@acme.test');
    const { ticket } = await ticketFromMail(sol);
    await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'solved' });

    const reopened = await reply(ticket.id, { body: 'One more thing.' });
    expect(reopened).toMatchObject({ id: ticket.id, status: 'open', solvedAt: null });
    const waiting = await reply(ticket.id, { body: 'Can you send a screenshot?', status: 'pending' });
    expect(waiting.status).toBe('pending');

    const history = await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket.id}/audit`);
    const statusChanges = history.items.flatMap((entry) =>
      entry.changes.filter((change) => change.field === 'status' && entry.action === 'updated'),
    );
    expect(statusChanges.map(({ from, to }) => `${from}->${to}`)).toEqual(['new->solved', 'solved->open', 'open->pending']);
  });

  it('refuses a reply whose status the rules forbid, storing and mailing nothing', async () => {
    const rex = await tickets.knownContact('rex@acme.test');
    const { ticket } = await ticketFromMail(rex);
    const refused = await tickets.asAgent('POST', `/tickets/${ticket.id}/replies`, { body: 'Closing this.', status: 'closed' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'ticket.invalid_status_transition' });
    const current = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`);
    expect(current.messages.map((message) => message.bodyText)).not.toContain('Closing this.');
    expect(current.status).toBe('new');
  });

  it('answers a reply to a closed ticket with a linked follow-up that takes the reply, threaded to the old conversation', async () => {
    const cleo = await tickets.knownContact('cleo@acme.test');
    const { ticket } = await ticketFromMail(cleo, [{ address: 'dan@acme.test' }]);
    const [acknowledgement] = await outboundMails(ticket.id, 1);
    await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'solved', priority: 'high', tags: ['renewal'] });
    await tickets.asAgentOk('PATCH', `/tickets/${ticket.id}`, { status: 'closed' });

    const followUp = await reply(ticket.id, { body: 'Following up on your old request.' });
    expect(followUp.id).not.toBe(ticket.id);
    expect(followUp).toMatchObject({
      subject: ticket.subject,
      status: 'open',
      priority: 'high',
      tags: ['renewal'],
      channel: 'email',
      linkedTicket: { id: ticket.id, kind: 'follow-up' },
      requester: { contactId: cleo.contactId },
      ccs: [{ email: 'dan@acme.test', name: null }],
      firstResponseAt: expect.any(String),
    });
    expect(followUp.messages.map(({ visibility, author }) => `${visibility}:${author.kind}`)).toEqual(['internal:system', 'public:agent']);
    expect(followUp.messages[0].bodyText).toContain(`#${ticket.number}`);

    const [mail] = await outboundMails(followUp.id, 1);
    expect(mail).toMatchObject({
      subject: `[#${followUp.number}] Re: ${ticket.subject}`,
      to: [{ address: 'cleo@acme.test' }],
      cc: [{ address: 'dan@acme.test' }],
      inReplyTo: acknowledgement.messageId,
    });
    expect(tokens.ticketOfMessageId(mail.messageId)).toBe(followUp.id);
    const old = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`);
    expect(old.status).toBe('closed');
    expect(old.messages.map((message) => message.bodyText)).not.toContain('Following up on your old request.');
  });

  it('answers 404 for a reply or note to an unknown ticket, 401 without a token and 400 for an empty one', async () => {
    expect((await tickets.asAgent('POST', `/tickets/${randomUUID()}/replies`, { body: 'Hello' })).status).toBe(404);
    expect((await tickets.asAgent('POST', `/tickets/${randomUUID()}/notes`, { body: 'Hello' })).status).toBe(404);
    expect((await tickets.withToken(null, 'POST', `/tickets/${randomUUID()}/notes`, { body: 'Hello' })).status).toBe(401);
    expect((await tickets.asAgent('POST', `/tickets/${randomUUID()}/notes`, { body: '   ' })).status).toBe(400);
  });
});
