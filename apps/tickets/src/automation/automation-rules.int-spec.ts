import { randomUUID } from 'node:crypto';
import type { InboundMail, OutboundMail, Requester } from '@helpgate/contracts';
import type { PageOf } from '@helpgate/platform';
import { agentToken } from '../../../../test/support/auth';
import { inboundMail } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { startTickets, TicketsUnderTest } from '../../test/tickets-under-test';
import type { DepartmentDto } from '../categories/category.dto';
import type { ReplyTemplateDto } from '../reply-templates/reply-template.dto';
import type { AuditEntryDto, TicketDetailDto, TicketSummaryDto } from '../tickets/ticket.dto';
import type { AutomationRuleDto } from './automation-rule.dto';

describe('automation rules: admins write them in order, they run on ticket events as the rule (real Postgres and Kafka)', () => {
  let tickets: TicketsUnderTest;

  const createRule = (rule: Record<string, unknown>) => tickets.asAgentOk<AutomationRuleDto>('POST', '/automation-rules', rule);
  const ruleNames = async () =>
    (await tickets.asAgentOk<PageOf<AutomationRuleDto>>('GET', '/automation-rules')).items.map((rule) => `${rule.position}:${rule.name}`);

  /** A new ticket from the contact's mail, once the service has handled it. */
  async function mailedTicket(requester: Requester, mail: Partial<InboundMail> = {}): Promise<TicketDetailDto> {
    await tickets.deliverMail(inboundMail({ from: { address: requester.email }, ...mail }), requester);
    const page = await tickets.asAgentOk<PageOf<TicketSummaryDto>>(
      'GET',
      `/tickets?requesterEmail=${encodeURIComponent(requester.email)}&sort=-number&limit=1`,
    );
    return tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${page.items[0].id}`);
  }

  const ticket = (id: string) => tickets.asAgentOk<TicketDetailDto>('GET', `/tickets/${id}`);
  const history = async (id: string) => (await tickets.asAgentOk<PageOf<AuditEntryDto>>('GET', `/tickets/${id}/audit?limit=200`)).items;

  function outboundMails(ticketId: string, count: number): Promise<OutboundMail[]> {
    return eventually(() => {
      const mails = tickets.outboundMailsOf(ticketId);
      expect(mails).toHaveLength(count);
      return mails;
    });
  }

  beforeAll(async () => {
    tickets = await startTickets({ TICKETS_SUPPORT_NAME: 'Acme Support' });
  });

  afterEach(async () => {
    const rules = await tickets.asAgentOk<PageOf<AutomationRuleDto>>('GET', '/automation-rules?limit=200');
    for (const rule of rules.items) expect((await tickets.asAgent('DELETE', `/automation-rules/${rule.id}`)).status).toBe(204);
  });

  afterAll(async () => {
    await tickets?.close();
  });

  it('keeps rules in the order admins give them, without gaps, and lets only admins near them', async () => {
    const tag = (name: string) => ({ name, trigger: 'ticket_created', actions: [{ type: 'add_tags', tags: ['x'] }] });
    const a = await createRule(tag('A'));
    await createRule(tag('B'));
    const c = await createRule(tag('C'));
    expect(c).toMatchObject({ position: 3, match: 'all', conditions: [], active: true, stopsLaterRules: false });
    await createRule({ ...tag('D'), position: 1 });
    expect(await ruleNames()).toEqual(['1:D', '2:A', '3:B', '4:C']);
    await tickets.asAgentOk('PATCH', `/automation-rules/${c.id}`, { position: 2 });
    expect(await ruleNames()).toEqual(['1:D', '2:C', '3:A', '4:B']);
    await tickets.asAgentOk('PATCH', `/automation-rules/${c.id}`, { position: 99, name: 'C last' });
    expect(await ruleNames()).toEqual(['1:D', '2:A', '3:B', '4:C last']);
    expect((await tickets.asAgent('DELETE', `/automation-rules/${a.id}`)).status).toBe(204);
    expect(await ruleNames()).toEqual(['1:D', '2:B', '3:C last']);

    expect((await tickets.asAgent('GET', `/automation-rules/${a.id}`)).status).toBe(404);
    expect((await tickets.asAgent('PATCH', `/automation-rules/${a.id}`, { active: false })).status).toBe(404);
    const agent = agentToken('agent');
    expect((await tickets.withToken(agent, 'GET', '/automation-rules')).status).toBe(403);
    expect((await tickets.withToken(agent, 'POST', '/automation-rules', tag('E'))).status).toBe(403);

    const document = (await (await tickets.withToken(null, 'GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { description?: string; responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.paths['/automation-rules/{id}'])).toEqual(expect.arrayContaining(['get', 'patch', 'delete']));
    expect(document.paths['/automation-rules/{id}'].patch.description).toContain('`position` moves the rule');
    expect(Object.keys(document.paths['/automation-rules'].post.responses)).toContain('403');
  });

  it('tells rule forms what a rule may say: every action type it offers is one a rule is accepted with', async () => {
    const vocabulary = await tickets.asAgentOk<{
      triggers: string[];
      conditionFields: string[];
      conditionOperators: string[];
      listOperators: string[];
      actionTypes: string[];
    }>('GET', '/automation-rules/vocabulary');
    expect(vocabulary.triggers).toEqual(['ticket_created', 'ticket_updated', 'message_received']);
    expect(vocabulary.conditionFields).toContain('requester_domain');
    expect(vocabulary.listOperators).toEqual(['is_one_of', 'is_not_one_of']);
    expect(vocabulary.actionTypes).toEqual([
      'mail_template',
      'set_priority',
      'set_category',
      'set_status',
      'set_assignee',
      'add_tags',
      'add_note',
    ]);
    for (const operator of vocabulary.conditionOperators) {
      const value = vocabulary.listOperators.includes(operator) ? ['a'] : 'a';
      const rule = await createRule({
        name: `operator ${operator}`,
        trigger: vocabulary.triggers[0],
        conditions: [{ field: 'subject', operator, value }],
        actions: [{ type: 'add_tags', tags: ['x'] }],
      });
      expect((await tickets.asAgent('DELETE', `/automation-rules/${rule.id}`)).status).toBe(204);
    }
    expect((await tickets.withToken(agentToken('agent'), 'GET', '/automation-rules/vocabulary')).status).toBe(403);
  });

  it('refuses conditions and actions that cannot work, naming what is wrong', async () => {
    const rule = (conditions: unknown[], actions: unknown[]) => ({ name: 'Bad', trigger: 'ticket_created', conditions, actions });
    const note = [{ type: 'add_note', text: 'x' }];
    const malformed = await tickets.asAgent(
      'POST',
      '/automation-rules',
      rule([{ field: 'priority', operator: 'contains', value: 'high' }], note),
    );
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      statusCode: 400,
      code: 'request.invalid_input',
      details: [{ path: 'conditions.0.operator', message: expect.stringContaining('compared whole') }],
    });
    const notAList = await tickets.asAgent(
      'POST',
      '/automation-rules',
      rule([{ field: 'status', operator: 'is_one_of', value: 'open' }], note),
    );
    expect(notAList.status).toBe(400);
    expect((await tickets.asAgent('POST', '/automation-rules', rule([], [{ type: 'set_priority', priority: 'extreme' }]))).status).toBe(
      400,
    );
    expect((await tickets.asAgent('POST', '/automation-rules', rule([], [{ type: 'set_status', status: 'new' }]))).status).toBe(400);

    const unknownTemplate = await tickets.asAgent(
      'POST',
      '/automation-rules',
      rule([], [{ type: 'mail_template', templateId: randomUUID() }]),
    );
    expect(unknownTemplate.status).toBe(422);
    expect(await unknownTemplate.json()).toMatchObject({ code: 'reply_template.unknown' });
    const unknownCategory = await tickets.asAgent(
      'POST',
      '/automation-rules',
      rule([], [{ type: 'set_category', categoryId: randomUUID() }]),
    );
    expect(unknownCategory.status).toBe(422);
    expect(await unknownCategory.json()).toMatchObject({ code: 'ticket.unknown_category' });
    const unknownAgent = await tickets.asAgent('POST', '/automation-rules', rule([], [{ type: 'set_assignee', agentId: randomUUID() }]));
    expect(unknownAgent.status).toBe(422);
    expect(await unknownAgent.json()).toMatchObject({ code: 'ticket.unknown_assignee' });
    const comparedWithNothing = await tickets.asAgent(
      'POST',
      '/automation-rules',
      rule([{ field: 'category', operator: 'is_one_of', value: [randomUUID()] }], note),
    );
    expect(comparedWithNothing.status).toBe(422);
    expect((await tickets.asAgentOk<PageOf<AutomationRuleDto>>('GET', '/automation-rules')).total).toBe(0);
  });

  it('runs the rules in their order, each seeing what the ones before did, and stops where a rule says so', async () => {
    const onSubject = [{ field: 'subject', operator: 'contains', value: 'order please' }];
    const first = await createRule({
      name: 'First',
      trigger: 'ticket_created',
      conditions: onSubject,
      actions: [{ type: 'add_tags', tags: ['first'] }],
    });
    const second = await createRule({
      name: 'Second',
      trigger: 'ticket_created',
      conditions: [...onSubject, { field: 'tags', operator: 'contains', value: 'first' }],
      actions: [{ type: 'add_tags', tags: ['second'] }],
      stopsLaterRules: true,
    });
    const third = await createRule({
      name: 'Third',
      trigger: 'ticket_created',
      conditions: onSubject,
      actions: [{ type: 'add_tags', tags: ['third'] }],
    });

    const olga = await tickets.knownContact('olga@order.test');
    const stopped = await mailedTicket(olga, { subject: 'Order please' });
    expect(stopped.tags).toEqual(['first', 'second']);
    const ruleChanges = (await history(stopped.id)).filter((entry) => entry.actor.type === 'rule');
    expect(ruleChanges.map((entry) => [entry.actor, entry.changes])).toEqual([
      [{ type: 'rule', id: first.id }, [{ field: 'tags', from: [], to: ['first'] }]],
      [{ type: 'rule', id: second.id }, [{ field: 'tags', from: ['first'], to: ['first', 'second'] }]],
    ]);

    await tickets.asAgentOk('PATCH', `/automation-rules/${third.id}`, { position: 1 });
    const reordered = await mailedTicket(olga, { subject: 'Order please, again' });
    expect(reordered.tags).toEqual(['third', 'first', 'second']);
  });

  it('does every action as the rule: fields through the lifecycle, an internal note, and a template mailed to the requester alone', async () => {
    const departments = await tickets.asAgentOk<DepartmentDto[]>('GET', '/categories');
    const security = departments.find((department) => department.name === 'Security')!;
    const assignee = (await tickets.knownAgent({ name: 'Sue Security' })).id;
    const template = await tickets.asAgentOk<ReplyTemplateDto>('POST', '/reply-templates', {
      name: 'Security received',
      subject: 'We are on it: {{ticket.subject}}',
      body: 'Hello {{requester.name}}, ticket #{{ticket.number}} is {{ticket.status}}.',
    });
    const rule = await createRule({
      name: 'Security desk',
      trigger: 'ticket_created',
      conditions: [{ field: 'requester_domain', operator: 'equals', value: 'actions.test' }],
      actions: [
        { type: 'set_priority', priority: 'urgent' },
        { type: 'set_category', categoryId: security.id },
        { type: 'set_status', status: 'open' },
        { type: 'set_assignee', agentId: assignee },
        { type: 'add_tags', tags: ['security'] },
        { type: 'add_note', text: 'Security desk: call back within the hour.' },
        { type: 'mail_template', templateId: template.id },
      ],
    });

    const sam = await tickets.knownContact('sam@actions.test');
    const opened = await mailedTicket(sam, { subject: 'Leaked password', cc: [{ address: 'boss@actions.test' }] });
    expect(opened).toMatchObject({
      priority: 'urgent',
      category: { id: security.id },
      status: 'open',
      assigneeId: assignee,
      tags: ['security'],
      ccs: [{ email: 'boss@actions.test' }],
      firstResponseAt: null,
    });
    const note = opened.messages.find((message) => message.visibility === 'internal')!;
    expect(note).toMatchObject({
      author: { kind: 'system', ruleId: rule.id, agentId: null, name: 'Rule: Security desk' },
      bodyText: 'Security desk: call back within the hour.',
    });
    const sent = opened.messages.find((message) => message.author.ruleId === rule.id && message.visibility === 'public')!;
    expect(sent.bodyText).toBe(`Hello sam, ticket #${opened.number} is open.`);

    const [ruleMail, acknowledgement] = await outboundMails(opened.id, 2);
    expect(acknowledgement.kind).toBe('acknowledgement');
    expect(ruleMail).toMatchObject({
      to: [{ address: 'sam@actions.test' }],
      cc: [],
      subject: `[#${opened.number}] We are on it: Leaked password`,
      text: sent.bodyText,
      autoSubmitted: 'auto-generated',
      messageId: sent.mailMessageId,
    });

    const entries = await history(opened.id);
    expect(entries.filter((entry) => entry.actor.type === 'rule').map((entry) => entry.action)).toEqual([
      'updated',
      'message_added',
      'message_added',
    ]);
    expect(entries.find((entry) => entry.action === 'updated')!.changes.map((change) => change.field)).toEqual([
      'status',
      'priority',
      'categoryId',
      'assigneeId',
      'tags',
    ]);
    const published = await eventually(() => {
      const events = tickets.ticketEvents(opened.id).filter((event) => event.actor.type === 'rule');
      expect(events).toHaveLength(3);
      return events;
    });
    expect(published[0]).toMatchObject({ change: 'updated', actor: { type: 'rule', id: rule.id }, ticket: { priority: 'urgent' } });
  });

  it('needs every condition under "all" and one under "any"', async () => {
    const conditions = [
      { field: 'subject', operator: 'contains', value: 'alpha' },
      { field: 'body', operator: 'contains', value: 'beta' },
    ];
    await createRule({ name: 'All', trigger: 'ticket_created', match: 'all', conditions, actions: [{ type: 'add_tags', tags: ['all'] }] });
    await createRule({ name: 'Any', trigger: 'ticket_created', match: 'any', conditions, actions: [{ type: 'add_tags', tags: ['any'] }] });
    const ada = await tickets.knownContact('ada@match.test');
    expect((await mailedTicket(ada, { subject: 'alpha', text: 'gamma' })).tags).toEqual(['any']);
    expect((await mailedTicket(ada, { subject: 'alpha', text: 'beta' })).tags).toEqual(['all', 'any']);
    expect((await mailedTicket(ada, { subject: 'delta', text: 'gamma' })).tags).toEqual([]);
  });

  it('skips inactive rules until they are activated', async () => {
    const rule = await createRule({
      name: 'Later',
      trigger: 'ticket_created',
      active: false,
      conditions: [{ field: 'requester_email', operator: 'ends_with', value: '@inactive.test' }],
      actions: [{ type: 'add_tags', tags: ['ruled'] }],
    });
    const ivy = await tickets.knownContact('ivy@inactive.test');
    expect((await mailedTicket(ivy)).tags).toEqual([]);
    await tickets.asAgentOk('PATCH', `/automation-rules/${rule.id}`, { active: true });
    expect((await mailedTicket(ivy)).tags).toEqual(['ruled']);
  });

  it('never runs rules on what a rule did, so two rules that would answer each other do not loop', async () => {
    // Escalate answers "high" with "urgent"; Calm answers "urgent" with "high". Calm runs first, so within one run it
    // never sees Escalate's change: only a rule's change triggering rules again would make them bounce forever.
    const onLoop = { field: 'tags', operator: 'contains', value: 'loop-test' };
    const calm = await createRule({
      name: 'Calm',
      trigger: 'ticket_updated',
      conditions: [onLoop, { field: 'priority', operator: 'equals', value: 'urgent' }],
      actions: [{ type: 'set_priority', priority: 'high' }],
    });
    const escalate = await createRule({
      name: 'Escalate',
      trigger: 'ticket_updated',
      conditions: [onLoop, { field: 'priority', operator: 'equals', value: 'high' }],
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const leo = await tickets.knownContact('leo@loop.test');
    const opened = await mailedTicket(leo);

    await tickets.asAgentOk('PATCH', `/tickets/${opened.id}`, { tags: ['loop-test'], priority: 'high' });
    expect((await ticket(opened.id)).priority).toBe('urgent');
    const updates = (await history(opened.id)).filter((entry) => entry.action === 'updated');
    expect(updates.map((entry) => [entry.actor.type, entry.changes.find((change) => change.field === 'priority')])).toEqual([
      ['agent', { field: 'priority', from: 'normal', to: 'high' }],
      ['rule', { field: 'priority', from: 'high', to: 'urgent' }],
    ]);
    expect(updates[1].actor).toEqual({ type: 'rule', id: escalate.id });
    expect(updates.some((entry) => entry.actor.type === 'rule' && entry.actor.id === calm.id)).toBe(false);
  });

  it("skips what cannot apply (a status move the transitions forbid, a deactivated agent) and records why; the customer's mail still makes its ticket", async () => {
    const leaving = await tickets.knownAgent({ name: 'Leaving Soon' });
    const rule = await createRule({
      name: 'Close at once',
      trigger: 'ticket_created',
      conditions: [{ field: 'requester_domain', operator: 'equals', value: 'refused.test' }],
      actions: [
        { type: 'set_status', status: 'closed' },
        { type: 'set_assignee', agentId: leaving.id },
        { type: 'add_tags', tags: ['tried'] },
      ],
    });
    await tickets.knownAgent({ id: leaving.id, name: 'Leaving Soon', active: false });
    const rita = await tickets.knownContact('rita@refused.test');
    const opened = await mailedTicket(rita);
    expect(opened).toMatchObject({ status: 'new', assigneeId: null, tags: ['tried'] });
    await outboundMails(opened.id, 1);
    const skipped = (await history(opened.id)).filter((entry) => entry.action === 'rule_action_skipped');
    expect(skipped.map(({ actor, note, changes }) => ({ actor, note, changes }))).toEqual([
      { actor: { type: 'rule', id: rule.id }, note: 'set_status: a new ticket cannot become closed', changes: [] },
      { actor: { type: 'rule', id: rule.id }, note: `set_assignee: The agent ${leaving.id} is deactivated`, changes: [] },
    ]);
  });

  it("lets a rule's status move on a customer's message stand instead of the reopening the message would bring", async () => {
    await createRule({
      name: 'Solved on thanks',
      trigger: 'message_received',
      conditions: [{ field: 'body', operator: 'starts_with', value: 'thanks' }],
      actions: [{ type: 'set_status', status: 'solved' }],
    });
    const tom = await tickets.knownContact('tom@thanks.test');
    const opened = await mailedTicket(tom, { subject: 'Printer' });
    await tickets.asAgentOk('POST', `/tickets/${opened.id}/replies`, { body: 'Try turning it off and on.', status: 'pending' });
    await tickets.deliverMail(
      inboundMail({ from: { address: tom.email }, subject: `Re: [#${opened.number}] Printer`, text: 'Thanks, it works!' }),
      tom,
    );
    expect((await ticket(opened.id)).status).toBe('solved');
    await tickets.deliverMail(
      inboundMail({ from: { address: tom.email }, subject: `Re: [#${opened.number}] Printer`, text: 'It broke again.' }),
      tom,
    );
    expect((await ticket(opened.id)).status).toBe('open');
  });

  it("undoes only the work of a rule that fails, records it, and runs the others: the customer's mail is never lost", async () => {
    const onDomain = [{ field: 'requester_domain', operator: 'equals', value: 'failing.test' }];
    await createRule({
      name: 'Before',
      trigger: 'ticket_created',
      conditions: onDomain,
      actions: [{ type: 'add_note', text: 'Before ran.' }],
    });
    const broken = await createRule({
      name: 'Broken',
      trigger: 'ticket_created',
      conditions: onDomain,
      actions: [
        { type: 'add_tags', tags: ['broken'] },
        { type: 'set_priority', priority: 'high' },
      ],
    });
    await createRule({ name: 'After', trigger: 'ticket_created', conditions: onDomain, actions: [{ type: 'add_tags', tags: ['after'] }] });
    // A rule stored by a careless hand: the database refuses the priority when the rule applies it.
    await tickets.database.query(`UPDATE automation_rules SET actions = $2 WHERE id = $1`, [
      broken.id,
      JSON.stringify([
        { type: 'add_tags', tags: ['broken'] },
        { type: 'set_priority', priority: 'extreme' },
      ]),
    ]);

    const fay = await tickets.knownContact('fay@failing.test');
    const opened = await mailedTicket(fay);
    expect(opened).toMatchObject({ priority: 'normal', tags: ['after'] });
    expect(opened.messages.map((message) => message.bodyText)).toContain('Before ran.');
    await outboundMails(opened.id, 1);
    const failure = (await history(opened.id)).find((entry) => entry.action === 'rule_failed');
    expect(failure).toMatchObject({
      actor: { type: 'rule', id: broken.id },
      note: expect.stringMatching(/^ticket_created: QueryFailedError: .*check constraint/),
    });
  });

  it('runs message rules on what customers write, never on agents, Helpgate or auto-responders', async () => {
    const rule = await createRule({
      name: 'Urgent words',
      trigger: 'message_received',
      conditions: [{ field: 'body', operator: 'contains', value: 'asap' }],
      actions: [{ type: 'add_note', text: 'The customer is in a hurry.' }],
    });
    const max = await tickets.knownContact('max@messages.test');
    const opened = await mailedTicket(max, { subject: 'Export broken', text: 'Please fix asap' });
    const rulesNotes = async () =>
      (await ticket(opened.id)).messages.filter((message) => message.author.ruleId === rule.id).map((message) => message.bodyText);
    expect(await rulesNotes()).toEqual([]);

    await tickets.asAgentOk('POST', `/tickets/${opened.id}/replies`, { body: 'We will look asap.' });
    await tickets.asAgentOk('POST', `/tickets/${opened.id}/notes`, { body: 'asap, says the customer' });
    await tickets.deliverMail(
      inboundMail({
        from: { address: max.email },
        subject: `Re: [#${opened.number}] Export broken`,
        text: 'I am away, asap',
        isAutomated: true,
        automation: { kind: 'auto-reply' },
      }),
      max,
    );
    expect(await rulesNotes()).toEqual([]);

    await tickets.deliverMail(
      inboundMail({ from: { address: max.email }, subject: `Re: [#${opened.number}] Export broken`, text: 'Any news? asap!' }),
      max,
    );
    expect(await rulesNotes()).toEqual(['The customer is in a hurry.']);
  });

  it('mails the portal credentials template through identity when a ticket asks for it, never directly', async () => {
    const templates = await tickets.asAgentOk<PageOf<ReplyTemplateDto>>('GET', '/reply-templates?limit=200');
    const portal = templates.items.find((template) => template.name === 'Portal credentials')!;
    const rule = await createRule({
      name: 'Portal credentials on request',
      trigger: 'ticket_created',
      conditions: [{ field: 'subject', operator: 'equals', value: '[Portal credentials]' }],
      actions: [{ type: 'mail_template', templateId: portal.id }],
    });
    const pia = await tickets.knownContact('pia@portal.test');
    const opened = await mailedTicket(pia, { subject: '[Portal credentials]', cc: [{ address: 'other@portal.test' }] });

    const sent = opened.messages.find((message) => message.author.ruleId === rule.id)!;
    expect(sent).toMatchObject({ visibility: 'public', author: { kind: 'system' }, delivery: { status: 'queued' } });
    expect(sent.bodyText).toContain('[portal user name, filled in by identity]');
    const [request] = await eventually(() => {
      const requests = tickets.accessMailsOf(opened.id);
      expect(requests).toHaveLength(1);
      return requests;
    });
    expect(request).toMatchObject({
      contactId: pia.contactId,
      mail: {
        cc: [],
        subject: `[#${opened.number}] Your support portal access`,
        autoSubmitted: 'auto-generated',
        messageId: sent.mailMessageId,
      },
    });
    expect(request.mail.text).toContain('{{portal.setPasswordLink}}');
    // The acknowledgement was published after the rule's request: by now a direct mail for the template would be out.
    const [acknowledgement] = await outboundMails(opened.id, 1);
    expect(acknowledgement.kind).toBe('acknowledgement');
  });
});
