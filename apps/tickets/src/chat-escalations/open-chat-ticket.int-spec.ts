import { randomUUID } from 'node:crypto';
import { IdentityChatRequesterResolvedV1, OutboundMail, Requester, Topics } from '@helpgate/contracts';
import type { PageOf } from '@helpgate/platform';
import { chatEscalation, chatFile, chatRequesterResolved } from '../../../../test/support/chat-visitor-events';
import { inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import { ThreadTokens } from '../domain/thread-tokens';
import type { AuditEntryDto, TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import { transcriptText } from './transcript-text';

const threadSecret = 'chat-escalations-test-thread-secret-00000';

describe('tickets opens a ticket for each escalated conversation (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  const tokens = new ThreadTokens(threadSecret);
  const organization = { id: randomUUID(), name: 'Acme' };

  beforeAll(async () => {
    tickets = await startTickets({ TICKETS_THREAD_SECRET: threadSecret, CHAT_PUBLIC_URL: 'https://chat.example.test/' });
  });

  afterAll(async () => {
    await tickets?.close();
  });

  function requester(email: string): Requester {
    return { contactId: randomUUID(), email, name: `${email.split('@')[0]} Visitor`, organizationId: organization.id, organizationName: 'Acme' };
  }

  const resolved = (event: IdentityChatRequesterResolvedV1) => tickets.handled(Topics.IdentityChatRequesterResolved, event.conversationId, event);

  async function ticketsOf(email: string): Promise<TicketDetailDto[]> {
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterEmail=${encodeURIComponent(email)}`);
    return Promise.all(page.items.map(({ id }) => tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${id}`)));
  }

  function outboundMails(ticketId: string, count: number): Promise<OutboundMail[]> {
    return eventually(() => {
      const mails = tickets.outboundMailsOf(ticketId);
      expect(mails).toHaveLength(count);
      return mails;
    });
  }

  it('opens a chat ticket with the transcript as the requester’s first message and the chat’s files, announced and acknowledged', async () => {
    const vera = requester('vera@acme.test');
    const files = [chatFile({ filename: 'invoice.pdf', contentType: 'application/pdf' })];
    const escalation = chatEscalation({ subject: ' My invoice is wrong ', files });
    await resolved(chatRequesterResolved(vera, escalation));

    const [ticket] = await ticketsOf(vera.email);
    expect(ticket).toMatchObject({
      subject: 'My invoice is wrong',
      status: 'new',
      priority: 'normal',
      channel: 'chat',
      requester: { contactId: vera.contactId, email: 'vera@acme.test', name: 'vera Visitor' },
      organization,
    });
    expect(ticket!.messages[0]).toMatchObject({
      visibility: 'public',
      direction: 'inbound',
      author: { kind: 'requester', contactId: vera.contactId, email: 'vera@acme.test', name: 'vera Visitor', agentId: null },
      bodyText: transcriptText(escalation),
      attachments: [
        {
          id: files[0]!.id,
          filename: 'invoice.pdf',
          contentType: 'application/pdf',
          sizeBytes: files[0]!.sizeBytes,
          sha256: files[0]!.sha256,
          inline: false,
          storage: 'chat',
          downloadUrl: `https://chat.example.test/files/${files[0]!.id}`,
        },
      ],
    });
    expect(ticket!.messages[0]!.bodyText).toContain('Helpbot (AI): Which invoice number?');

    const [acknowledgement] = await outboundMails(ticket!.id, 1);
    expect(acknowledgement).toMatchObject({
      kind: 'acknowledgement',
      from: { address: 'support@helpgate.test' },
      to: [{ address: 'vera@acme.test', name: 'vera Visitor' }],
      subject: `[#${ticket!.number}] My invoice is wrong`,
      references: [],
    });
    expect(acknowledgement!.inReplyTo).toBeUndefined();
    expect(tokens.ticketOfReplyAddress(acknowledgement!.replyTo!.address)).toBe(ticket!.id);
    await eventually(() =>
      expect(tickets.ticketEvents(ticket!.id)).toContainEqual(
        expect.objectContaining({
          change: 'created',
          actor: { type: 'contact', id: vera.contactId },
          ticket: expect.objectContaining({ channel: 'chat', requesterContactId: vera.contactId }),
        }),
      ),
    );
    const history = await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${ticket!.id}/audit`);
    expect(history.items[0]).toMatchObject({ action: 'created', actor: { type: 'contact', id: vera.contactId } });
  });

  it('opens one ticket per conversation, however often its escalation arrives', async () => {
    const rita = requester('rita@acme.test');
    const escalated = chatRequesterResolved(rita, chatEscalation());
    await resolved(escalated);
    await resolved(escalated);
    await resolved({ ...escalated, eventId: randomUUID() });

    const found = await ticketsOf(rita.email);
    expect(found).toHaveLength(1);
    expect(tickets.outboundMailsOf(found[0]!.id).filter((mail) => mail.kind === 'acknowledgement')).toHaveLength(1);
  });

  it('opens no ticket when identity only linked a visitor to its contact', async () => {
    const ivan = requester('ivan@acme.test');
    const identified = chatRequesterResolved(ivan);
    const marker = chatRequesterResolved(requester('marker@acme.test'), chatEscalation(), identified.conversationId);
    await tickets.kafka.produce(Topics.IdentityChatRequesterResolved, [
      { key: identified.conversationId, value: JSON.stringify(identified) },
    ]);
    await resolved(marker);

    expect(await ticketsOf('marker@acme.test')).toHaveLength(1);
    expect(await ticketsOf(ivan.email)).toEqual([]);
  });

  it('runs the automation rules on it like on any new ticket, the escalating agent acting when an agent chose to escalate', async () => {
    await tickets.asAgentOk('POST', '/automation-rules', {
      name: 'Tag chat tickets',
      trigger: 'ticket_created',
      conditions: [{ field: 'channel', operator: 'equals', value: 'chat' }],
      actions: [{ type: 'add_tags', tags: ['from-chat'] }],
    });
    const agent = await tickets.knownAgent({ name: 'Alex Agent' });
    const otto = requester('otto@acme.test');
    await resolved(chatRequesterResolved(otto, chatEscalation({ reason: 'agent_choice', agentId: agent.id })));

    const [ticket] = await ticketsOf(otto.email);
    expect(ticket!.tags).toEqual(['from-chat']);
    expect(ticket!.messages[0]!.author).toMatchObject({ kind: 'requester', contactId: otto.contactId, agentId: agent.id });
    await eventually(() =>
      expect(tickets.ticketEvents(ticket!.id).map(({ change, actor }) => ({ change, actor }))).toEqual(
        expect.arrayContaining([{ change: 'created', actor: { type: 'agent', id: agent.id } }]),
      ),
    );
  });

  it('mails an agent’s reply to the requester, and files the customer’s answer to it on the same ticket', async () => {
    const cora = requester('cora@acme.test');
    await resolved(chatRequesterResolved(cora, chatEscalation({ subject: 'Export fails' })));
    const [ticket] = await ticketsOf(cora.email);
    const [acknowledgement] = await outboundMails(ticket!.id, 1);

    const replied = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket!.id}/replies`, { body: 'Fixed, please retry.' });
    const [, reply] = await outboundMails(ticket!.id, 2);
    expect(reply).toMatchObject({
      kind: 'reply',
      from: { address: 'support@helpgate.test' },
      to: [{ address: 'cora@acme.test' }],
      subject: `[#${ticket!.number}] Re: Export fails`,
      text: 'Fixed, please retry.',
      inReplyTo: acknowledgement!.messageId,
      messageId: replied.messages.at(-1)!.mailMessageId,
    });
    expect(tokens.ticketOfMessageId(reply!.messageId)).toBe(ticket!.id);

    const answer = inboundMail({
      from: { address: cora.email },
      subject: `Re: ${reply!.subject}`,
      text: 'Works now, thanks.',
      inReplyTo: reply!.messageId,
      references: [acknowledgement!.messageId, reply!.messageId],
    });
    await tickets.deliverMail(answer, cora);

    const [after] = await ticketsOf(cora.email);
    expect(await ticketsOf(cora.email)).toHaveLength(1);
    expect(after!.id).toBe(ticket!.id);
    expect(after!.messages.at(-1)).toMatchObject({ direction: 'inbound', bodyText: 'Works now, thanks.', mailMessageId: answer.messageId });
  });
});
