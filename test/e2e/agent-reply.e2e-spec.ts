import { eventually } from '../support/infra';
import { MailRun, startMailRun } from '../support/mail-run';

interface Ticket {
  id: string;
  number: number;
  status: string;
  messages: { bodyText: string; direction: string; visibility: string; author: { kind: string }; delivery: { status: string } | null }[];
}

describe('an agent answers a mailed ticket: the public reply reaches the customer threaded, an internal note never leaves (four processes, real SMTP both ways)', () => {
  let run: MailRun;

  const ticketsOf = async (email: string) => {
    const page = await run.stack.getJson<{ items: { id: string }[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(email)}`);
    return Promise.all(page.items.map(({ id }) => run.stack.getJson<Ticket>('tickets', `/tickets/${id}`)));
  };
  const post = (path: string, body: unknown) =>
    run.stack.fetch('tickets', path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    run = await startMailRun();
  });

  afterAll(() => run?.close());

  it('mails the reply to the customer in the thread of their mail, never the note, and threads the answer back', async () => {
    await run.customer.sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: 'support@helpgate.test',
      subject: 'Cannot export',
      text: 'The export button does nothing.',
      messageId: '<export-1@acme.test>',
    });
    const [acknowledgement] = await run.relay.receivedTo('jane@acme.test', 1);
    const [ticket] = await eventually(async () => {
      const found = await ticketsOf('jane@acme.test');
      expect(found).toHaveLength(1);
      return found;
    });

    expect((await post(`/tickets/${ticket.id}/notes`, { body: 'Internal: she is on the enterprise plan.' })).status).toBe(201);
    expect((await post(`/tickets/${ticket.id}/replies`, { body: 'Please try again: we fixed the export.' })).status).toBe(201);

    const [, reply] = await run.relay.receivedTo('jane@acme.test', 2);
    expect(reply.parsed.subject).toBe(`[#${ticket.number}] Re: Cannot export`);
    expect(reply.parsed.from?.value[0].address).toBe('support@helpgate.test');
    expect(reply.parsed.text?.trim()).toBe('Please try again: we fixed the export.');
    expect(reply.parsed.inReplyTo).toBe(acknowledgement.parsed.messageId);
    expect(reply.parsed.references).toEqual(['<export-1@acme.test>', acknowledgement.parsed.messageId]);
    expect(reply.parsed.messageId).toMatch(/^<hg\.[0-9a-f]{32}\.[0-9a-f]{12}\.[0-9a-f]{20}@helpgate\.test>$/);
    expect(reply.parsed.headers.get('auto-submitted')).toBeUndefined();
    await eventually(async () => {
      const [current] = await ticketsOf('jane@acme.test');
      expect(current.status).toBe('open');
      expect(current.messages.find((message) => message.author.kind === 'agent' && message.visibility === 'public')?.delivery).toEqual({
        status: 'delivered',
        error: null,
      });
    });

    // The note was written before the reply and the outbox keeps order: by now a mail for it would have arrived.
    await run.stack.waitUntilIdle();
    expect(run.relay.received).toHaveLength(2);
    expect(run.relay.received.filter((mail) => mail.parsed.text?.includes('enterprise plan'))).toEqual([]);

    await run.customer.sendMail({
      from: '"Jane Doe" <jane@acme.test>',
      to: reply.parsed.replyTo!.value[0].address!,
      subject: `Re: ${reply.parsed.subject}`,
      inReplyTo: reply.parsed.messageId,
      references: [...(reply.parsed.references as string[]), reply.parsed.messageId!],
      text: 'Works now, thanks!\n\nOn Mon, Support <support@helpgate.test> wrote:\n> Please try again: we fixed the export.',
    });
    await eventually(async () => {
      const tickets = await ticketsOf('jane@acme.test');
      expect(tickets).toHaveLength(1);
      expect(tickets[0].messages.filter((message) => message.direction === 'inbound').map((message) => message.bodyText)).toEqual([
        'The export button does nothing.',
        'Works now, thanks!',
      ]);
    });
  });
});
