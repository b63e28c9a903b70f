import { randomUUID } from 'node:crypto';
import { IdentityAccessMailFailedV1, OutboundMail, Requester, Topics } from '@helpgate/contracts';
import type { PageOf } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import { ThreadTokens } from '../domain/thread-tokens';
import type { TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import type { ReplyTemplateDto } from './reply-template.dto';

const threadSecret = 'reply-templates-test-thread-secret-000000';

describe('reply templates: admins write them, agents apply them to tickets (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;
  const tokens = new ThreadTokens(threadSecret);
  const plainAgent = agentToken('agent');

  async function ticketFromMail(requester: Requester, cc: { address: string }[] = []): Promise<TicketDetailDto> {
    await tickets.deliverMail(inboundMail({ from: { address: requester.email }, cc, subject: `Help for ${requester.email}` }), requester);
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>('GET', `/tickets?requesterEmail=${encodeURIComponent(requester.email)}`);
    return tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${page.items[0].id}`);
  }

  function outboundMails(ticketId: string, count: number): Promise<OutboundMail[]> {
    return eventually(() => {
      const mails = tickets.outboundMailsOf(ticketId);
      expect(mails).toHaveLength(count);
      return mails;
    });
  }

  const createTemplate = (body: Record<string, unknown>) => tickets.asAgentOk<ReplyTemplateDto>('POST', '/reply-templates', body);

  beforeAll(async () => {
    tickets = await startTickets({ TICKETS_THREAD_SECRET: threadSecret, TICKETS_SUPPORT_NAME: 'Acme Support' });
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('starts with the portal credentials template, which agents read and only admins change', async () => {
    const listed = await tickets.withToken(plainAgent, 'GET', '/reply-templates');
    expect(listed.status).toBe(200);
    const page = (await listed.json()) as PageOf<ReplyTemplateDto>;
    const portal = page.items.find((template) => template.name === 'Portal credentials');
    expect(portal).toMatchObject({ subject: 'Your support portal access', active: true, needsPortalValues: true });
    for (const placeholder of ['{{requester.name}}', '{{portal.url}}', '{{portal.username}}', '{{portal.setPasswordLink}}']) {
      expect(portal!.body).toContain(placeholder);
    }
    expect((await tickets.withToken(plainAgent, 'GET', `/reply-templates/${portal!.id}`)).status).toBe(200);
    expect((await tickets.withToken(plainAgent, 'POST', '/reply-templates', { name: 'Mine', body: 'Hello' })).status).toBe(403);
    expect((await tickets.withToken(plainAgent, 'PATCH', `/reply-templates/${portal!.id}`, { active: false })).status).toBe(403);
    expect((await tickets.withToken(null, 'GET', '/reply-templates')).status).toBe(401);
  });

  it('refuses placeholders nobody fills, naming them, when a template is created or edited', async () => {
    const refused = await tickets.asAgent('POST', '/reply-templates', {
      name: 'Broken',
      subject: 'About {{ticket.id}}',
      body: 'Hi {{requester.firstName}}, {{ticket.number}} {{ requester.firstName }}',
    });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { code: string; message: string };
    expect(problem.code).toBe('reply_template.unknown_placeholders');
    expect(problem.message).toContain('Unknown placeholders: {{ticket.id}}, {{requester.firstName}};');

    const template = await createTemplate({ name: 'Edited later', body: 'Hello {{requester.name}}' });
    const edit = await tickets.asAgent('PATCH', `/reply-templates/${template.id}`, { body: 'Bye {{agent.name}}' });
    expect(edit.status).toBe(422);
    expect(((await edit.json()) as { message: string }).message).toContain('{{agent.name}}');
    expect((await tickets.asAgentOk<ReplyTemplateDto>('GET', `/reply-templates/${template.id}`)).body).toBe('Hello {{requester.name}}');
  });

  it('answers 409 for a name taken in any case, 404 for an unknown template and 400 for an empty body', async () => {
    await createTemplate({ name: 'Greeting', body: 'Hello' });
    const taken = await tickets.asAgent('POST', '/reply-templates', { name: 'GREETING', body: 'Hi' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'reply_template.name_taken' });
    expect((await tickets.asAgent('GET', `/reply-templates/${randomUUID()}`)).status).toBe(404);
    expect((await tickets.asAgent('POST', '/reply-templates', { name: 'Empty', body: '  ' })).status).toBe(400);
  });

  it('previews a template being written for the sample ticket, saving nothing, and refuses unknown placeholders as saving does', async () => {
    const before = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?includeInactive=true');
    const preview = await tickets.withToken(plainAgent, 'POST', '/reply-templates/preview', {
      body: 'Hello {{requester.name}}, ticket {{ticket.number}} is {{ticket.status}}. Sign in as {{portal.username}}.',
    });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      subject: '[#1042] Re: Cannot sign in since this morning',
      text: 'Hello Alex Sample, ticket 1042 is open. Sign in as [portal user name, filled in by identity].',
      needsPortalValues: true,
    });
    const unknown = await tickets.asAgent('POST', '/reply-templates/preview', { subject: 'About {{ticket.id}}', body: 'Hi' });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ code: 'reply_template.unknown_placeholders' });
    expect((await tickets.asAgent('POST', '/reply-templates/preview', { body: ' ' })).status).toBe(400);
    expect((await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?includeInactive=true')).total).toBe(before.total);
  });

  it("mails a template applied to a ticket with the ticket's values filled in, threaded, and keeps the text sent", async () => {
    const jane = await tickets.knownContact('jane@templates.test');
    const ticket = await ticketFromMail(jane, [{ address: 'carl@templates.test' }]);
    const [acknowledgement] = await outboundMails(ticket.id, 1);
    const template = await createTemplate({
      name: 'Need details',
      subject: 'More about #{{ticket.number}}',
      body: 'Hello {{requester.name}},\nwhat do you see when "{{ticket.subject}}" happens? ({{requester.email}}, {{ticket.status}})',
    });

    const expectedText = `Hello jane,\nwhat do you see when "${ticket.subject}" happens? (jane@templates.test, new)`;
    // The agent's preview for this ticket is the mail the reply then sends, and sends nothing itself.
    const preview = await tickets.withToken(plainAgent, 'POST', `/tickets/${ticket.id}/replies/preview`, { templateId: template.id });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({
      subject: `[#${ticket.number}] More about #${ticket.number}`,
      text: expectedText,
      needsPortalValues: false,
    });
    const editedPreview = await tickets.asAgentOk<{ text: string }>('POST', `/tickets/${ticket.id}/replies/preview`, {
      templateId: template.id,
      body: 'Soon, {{requester.name}}',
    });
    expect(editedPreview.text).toBe('Soon, jane');
    expect((await tickets.asAgent('POST', `/tickets/${randomUUID()}/replies/preview`, { templateId: template.id })).status).toBe(404);
    expect((await tickets.asAgent('POST', `/tickets/${ticket.id}/replies/preview`, { templateId: randomUUID() })).status).toBe(422);
    expect(tickets.outboundMailsOf(ticket.id)).toHaveLength(1);

    const replied = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket.id}/replies`, {
      templateId: template.id,
      status: 'pending',
    });
    expect(replied.status).toBe('pending');
    expect(replied.messages.at(-1)).toMatchObject({
      visibility: 'public',
      author: { kind: 'agent', agentId: tickets.agentId, ruleId: null },
      bodyText: expectedText,
      delivery: { status: 'queued', error: null },
    });
    const [, mail] = await outboundMails(ticket.id, 2);
    expect(mail).toMatchObject({
      kind: 'reply',
      to: [{ address: 'jane@templates.test' }],
      cc: [{ address: 'carl@templates.test' }],
      subject: `[#${ticket.number}] More about #${ticket.number}`,
      text: expectedText,
      inReplyTo: acknowledgement.messageId,
      autoSubmitted: 'no',
    });
    expect(tokens.ticketOfMessageId(mail.messageId)).toBe(ticket.id);

    const edited = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket.id}/replies`, {
      templateId: template.id,
      body: 'Edited for #{{ticket.number}}',
    });
    expect(edited.messages.at(-1)!.bodyText).toBe(`Edited for #${ticket.number}`);
    const [, , third] = await outboundMails(ticket.id, 3);
    expect(third.subject).toBe(`[#${ticket.number}] More about #${ticket.number}`);
  });

  it('refuses a reply naming an unknown or deactivated template, or an edited body with an unknown placeholder', async () => {
    const nick = await tickets.knownContact('nick@templates.test');
    const ticket = await ticketFromMail(nick);
    const template = await createTemplate({ name: 'Soon retired', body: 'Hello' });
    await tickets.asAgentOk('PATCH', `/reply-templates/${template.id}`, { active: false });

    for (const body of [{ templateId: randomUUID() }, { templateId: template.id }]) {
      const refused = await tickets.asAgent('POST', `/tickets/${ticket.id}/replies`, body);
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ code: 'reply_template.unknown' });
    }
    const active = await createTemplate({ name: 'Still here', body: 'Hello' });
    const unknown = await tickets.asAgent('POST', `/tickets/${ticket.id}/replies`, { templateId: active.id, body: 'Hi {{nope}}' });
    expect(unknown.status).toBe(422);
    expect((await tickets.asAgent('POST', `/tickets/${ticket.id}/replies`, { status: 'open' })).status).toBe(400);
    const page = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?limit=200');
    expect(page.items.map((listed) => listed.id)).not.toContain(template.id);
    const all = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?limit=200&includeInactive=true');
    expect(all.items.find((listed) => listed.id === template.id)?.active).toBe(false);
    const current = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`);
    expect(current.messages.filter((message) => message.direction === 'outbound' && message.author.kind === 'agent')).toEqual([]);
  });

  it('asks identity to complete and send a template naming portal values, to the requester alone, storing no link', async () => {
    const paula = await tickets.knownContact('paula@templates.test');
    const ticket = await ticketFromMail(paula, [{ address: 'boss@templates.test' }]);
    await outboundMails(ticket.id, 1);
    const page = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?limit=200');
    const portal = page.items.find((template) => template.name === 'Portal credentials')!;

    const replied = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket.id}/replies`, { templateId: portal.id });
    const stored = replied.messages.at(-1)!;
    expect(stored).toMatchObject({
      visibility: 'public',
      author: { kind: 'agent', agentId: tickets.agentId },
      delivery: { status: 'queued' },
    });
    expect(stored.bodyText).toContain('Hello paula,');
    expect(stored.bodyText).toContain('[one-time set-password link, filled in by identity]');
    expect(stored.bodyText).not.toContain('{{portal.');

    const [request] = await eventually(() => {
      const requests = tickets.accessMailsOf(ticket.id);
      expect(requests).toHaveLength(1);
      return requests;
    });
    expect(request.contactId).toBe(paula.contactId);
    expect(request.mail).not.toHaveProperty('to');
    expect(request.mail).toMatchObject({
      kind: 'reply',
      cc: [],
      subject: `[#${ticket.number}] Your support portal access`,
      messageId: stored.mailMessageId,
      ticketId: ticket.id,
      contactId: paula.contactId,
      autoSubmitted: 'no',
    });
    expect(request.mail.text).toContain('User name: {{portal.username}}');
    expect(request.mail.text).toContain('{{portal.setPasswordLink}}');
    expect(request.mail.text).toContain(`ticket #${ticket.number}`);
    expect(tokens.ticketOfMessageId(request.mail.messageId)).toBe(ticket.id);
    expect(tokens.ticketOfReplyAddress(request.mail.replyTo!.address)).toBe(ticket.id);

    // The outbox keeps order: a plain reply after it arriving means no mail for the template went out directly.
    await tickets.asAgentOk('POST', `/tickets/${ticket.id}/replies`, { body: 'Marker reply.' });
    const mails = await outboundMails(ticket.id, 2);
    expect(mails.map((mail) => mail.text)).toEqual([expect.stringContaining('we have received your request'), 'Marker reply.']);
  });

  it('shows a template mail identity could not send (the requester erased) as failed, with the reason', async () => {
    const gone = await tickets.knownContact('gone@templates.test');
    const ticket = await ticketFromMail(gone);
    const page = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?limit=200');
    const portal = page.items.find((template) => template.name === 'Portal credentials')!;
    const replied = await tickets.asAgentOk<TicketDetailDto>('POST', `/tickets/${ticket.id}/replies`, { templateId: portal.id });
    const stored = replied.messages.at(-1)!;
    const [request] = await eventually(() => {
      const requests = tickets.accessMailsOf(ticket.id);
      expect(requests).toHaveLength(1);
      return requests;
    });

    const failed: IdentityAccessMailFailedV1 = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      requestId: request.mail.requestId,
      contactId: gone.contactId,
      ticketId: ticket.id,
      reason: 'contact_erased',
      failedAt: new Date().toISOString(),
    };
    await tickets.handled(Topics.IdentityAccessMailFailed, gone.contactId, failed);

    const current = await tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${ticket.id}`);
    const messages = current.messages.filter((message) => message.id === stored.id);
    expect(messages).toEqual([
      expect.objectContaining({ delivery: { status: 'failed', error: "not sent by identity: the requester's personal data was erased" } }),
    ]);
    const otherOutbound = current.messages.filter((message) => message.direction === 'outbound' && message.id !== stored.id);
    expect(otherOutbound.every((message) => message.delivery?.status !== 'failed')).toBe(true);
  });
});
