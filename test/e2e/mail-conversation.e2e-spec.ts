import { eventually } from '../support/infra';
import { MailRun, startMailRun } from '../support/mail-run';
import { RelayedMail } from '../support/test-relay';

interface Page<Item> {
  items: Item[];
  total: number;
}
interface Ticket {
  id: string;
  number: number;
  status: string;
  messages: { bodyText: string; direction: string; visibility: string; delivery: { status: string } | null }[];
}

describe('a mail conversation: acknowledgement out through the relay, the customer reply threaded back (four processes, real SMTP both ways)', () => {
  let run: MailRun;

  const ticketsOf = async (email: string) => {
    const page = (await (await run.stack.fetch('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`)).json()) as Page<{
      id: string;
    }>;
    return Promise.all(page.items.map(async ({ id }) => (await (await run.stack.fetch('tickets', `/tickets/${id}`)).json()) as Ticket));
  };
  const header = (mail: RelayedMail, name: string) => mail.parsed.headers.get(name);

  beforeAll(async () => {
    run = await startMailRun();
  });

  afterAll(() => run?.close());

  it('acknowledges a new ticket by mail with the ticket number and threading headers, and records the delivery', async () => {
    await run.customer.sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: 'support@helpgate.test',
      subject: 'Cannot export',
      text: 'The export button does nothing.',
      messageId: '<first@acme.test>',
    });
    const [acknowledgement] = await run.relay.receivedTo('jane@acme.test', 1);
    const [ticket] = await eventually(async () => {
      const found = await ticketsOf('jane@acme.test');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(acknowledgement.parsed.subject).toBe(`[#${ticket.number}] Re: Cannot export`);
    expect(acknowledgement.parsed.from?.value[0].address).toBe('support@helpgate.test');
    expect(acknowledgement.parsed.inReplyTo).toBe('<first@acme.test>');
    expect(acknowledgement.parsed.references).toEqual('<first@acme.test>');
    expect(acknowledgement.parsed.messageId).toMatch(/^<hg\.[0-9a-f]{32}\.[0-9a-f]{12}\.[0-9a-f]{20}@helpgate\.test>$/);
    expect(header(acknowledgement, 'auto-submitted')).toBe('auto-replied');
    expect(acknowledgement.parsed.replyTo?.value[0].address).toMatch(/^support\+t[0-9a-f]{32}\.[0-9a-f]{20}@helpgate\.test$/);
    expect(acknowledgement.parsed.text).toContain(`#${ticket.number}`);
    await eventually(async () => {
      const [current] = await ticketsOf('jane@acme.test');
      expect(current.messages.find((message) => message.direction === 'outbound')?.delivery).toEqual({ status: 'delivered', error: null });
    });
  });

  it('threads the customer reply to the acknowledgement into the same ticket, keeping only the new text, without a second acknowledgement', async () => {
    const [acknowledgement] = run.relay.to('jane@acme.test');
    await run.customer.sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: acknowledgement.parsed.replyTo!.value[0].address!,
      subject: `Re: ${acknowledgement.parsed.subject}`,
      inReplyTo: acknowledgement.parsed.messageId,
      references: [acknowledgement.parsed.messageId!],
      text: 'It happens in Firefox only.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@helpgate.test> wrote:\n> we have received your request',
    });
    await eventually(async () => {
      const tickets = await ticketsOf('jane@acme.test');
      expect(tickets).toHaveLength(1);
      const inbound = tickets[0].messages.filter((message) => message.direction === 'inbound').map((message) => message.bodyText);
      expect(inbound).toEqual(['The export button does nothing.', 'It happens in Firefox only.']);
    });
    expect(run.relay.to('jane@acme.test')).toHaveLength(1);
  });

  it('creates no contact, no ticket and no acknowledgement for an auto-reply from an unknown address', async () => {
    await run.customer.sendMail({
      from: 'away@partner.test',
      to: 'support@helpgate.test',
      subject: 'Automatic reply: Your request',
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await run.stack.waitUntilIdle();
    const contacts = (await (await run.stack.fetch('identity', `/contacts?email=away@partner.test`)).json()) as Page<unknown>;
    expect(contacts.total).toBe(0);
    expect(await ticketsOf('away@partner.test')).toHaveLength(0);
    expect(run.relay.to('away@partner.test')).toHaveLength(0);
  });

  it('marks the acknowledgement failed and the address undeliverable when a bounce of it comes back', async () => {
    await run.customer.sendMail({ from: 'ghost@acme.test', to: 'support@helpgate.test', subject: 'Hello?', text: 'Anyone there?' });
    const [acknowledgement] = await run.relay.receivedTo('ghost@acme.test', 1);
    const boundary = 'dsn-boundary-1';
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>',
      'To: support@helpgate.test',
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: <bounce-${Date.now()}@mx.acme.test>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered to one or more recipients.',
      '',
      `--${boundary}`,
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.acme.test',
      '',
      'Final-Recipient: rfc822; ghost@acme.test',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <ghost@acme.test>: Recipient address rejected: User unknown',
      '',
      `--${boundary}`,
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${acknowledgement.parsed.messageId}`,
      'From: Support <support@helpgate.test>',
      'To: ghost@acme.test',
      `Subject: ${acknowledgement.parsed.subject}`,
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    await run.customer.sendMail({ envelope: { from: '', to: ['support@helpgate.test'] }, raw: bounce });

    await eventually(async () => {
      const [ticket] = await ticketsOf('ghost@acme.test');
      const outbound = ticket.messages.find((message) => message.direction === 'outbound');
      expect(outbound?.delivery?.status).toBe('failed');
    });
    await eventually(async () => {
      const contacts = (await (await run.stack.fetch('identity', `/contacts?email=ghost@acme.test`)).json()) as Page<{
        undeliverable: { email: string }[];
      }>;
      expect(contacts.items[0].undeliverable).toEqual([expect.objectContaining({ email: 'ghost@acme.test' })]);
    });
    expect(await ticketsOf('mailer-daemon@mx.acme.test')).toHaveLength(0);
  });
});
