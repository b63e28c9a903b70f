import { eventually } from '../support/infra';
import { MailRun, startMailRun } from '../support/mail-run';

interface Ticket {
  id: string;
  number: number;
  messages: { bodyText: string; author: { kind: string; ruleId: string | null }; delivery: { status: string } | null }[];
}

describe('the portal credentials rule: a customer asks by mail and can sign in to the portal (four processes, real SMTP both ways)', () => {
  const portalUrl = 'https://portal.acme.test';
  let run: MailRun;

  const postJson = (service: 'tickets' | 'identity', path: string, body: unknown, headers: Record<string, string> = {}) =>
    run.stack.fetch(service, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    run = await startMailRun({ IDENTITY_PORTAL_URL: portalUrl });
  });

  afterAll(() => run?.close());

  it('mails the requester their portal user name and a set-password link that lets them sign in', async () => {
    const templates = await run.stack.getJson<{ items: { id: string; name: string }[] }>('tickets', '/reply-templates');
    const template = templates.items.find((candidate) => candidate.name === 'Portal credentials')!;
    const created = await postJson('tickets', '/automation-rules', {
      name: 'Portal credentials on request',
      trigger: 'ticket_created',
      conditions: [{ field: 'subject', operator: 'equals', value: '[Portal credentials]' }],
      actions: [{ type: 'mail_template', templateId: template.id }],
    });
    expect(created.status).toBe(201);
    const rule = (await created.json()) as { id: string };

    await run.customer.sendMail({
      from: '"Pat Customer" <pat@customer.test>',
      to: 'support@helpgate.test',
      subject: '[Portal credentials]',
      text: 'Could I have access to the portal, please?',
      messageId: '<portal-1@customer.test>',
    });

    const access = await eventually(() => {
      const found = run.relay.to('pat@customer.test').find((mail) => mail.parsed.subject?.endsWith('Your support portal access'));
      expect(found).toBeDefined();
      return found!;
    }, 60_000);
    const text = access.parsed.text!;
    expect(text).toContain('Hello Pat Customer,');
    expect(text).toContain(`Portal: ${portalUrl}`);
    expect(text).toContain('User name: pat@customer.test');
    expect(text).not.toContain('{{');
    const link = new RegExp(`${portalUrl.replace(/\./g, '\\.')}/set-password\\?token=([\\w-]{43})`).exec(text);
    expect(link).not.toBeNull();
    expect(access.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(access.parsed.messageId).toMatch(/^<hg\./);
    expect(access.parsed.references).toContain('<portal-1@customer.test>');

    const setPassword = await postJson(
      'identity',
      '/auth/password',
      { token: link![1], password: 'pat picks a long passphrase' },
      { authorization: '' },
    );
    expect(setPassword.status).toBe(204);
    const signIn = await postJson(
      'identity',
      '/auth/contacts/sign-in',
      { email: 'pat@customer.test', password: 'pat picks a long passphrase' },
      { authorization: '' },
    );
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });

    // The ticket shows what the rule sent, delivered, without the link it never held.
    await eventually(async () => {
      const page = await run.stack.getJson<{ items: { id: string }[] }>('tickets', '/tickets?requesterEmail=pat%40customer.test');
      const ticket = await run.stack.getJson<Ticket>('tickets', `/tickets/${page.items[0].id}`);
      const sent = ticket.messages.find((message) => message.author.ruleId === rule.id);
      expect(sent).toMatchObject({ author: { kind: 'system' }, delivery: { status: 'delivered' } });
      expect(sent!.bodyText).toContain('[one-time set-password link, filled in by identity]');
      expect(sent!.bodyText).not.toContain(link![1]);
    });
  });
});
