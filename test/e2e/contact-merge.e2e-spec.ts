import { createTransport, Transporter } from 'nodemailer';
import { eventually } from '../support/infra';
import { startStack, Stack } from '../support/stack';

interface Contact {
  id: string;
  emails: string[];
}
interface Ticket {
  id: string;
  requester: { contactId: string; email: string };
}

describe('merging two contacts moves their tickets to the survivor, through the services as processes', () => {
  let stack: Stack;
  let smtp: Transporter;


  async function ticketFromMail(from: string): Promise<{ ticket: Ticket; contactId: string }> {
    await smtp.sendMail({ from, to: 'support@helpgate.test', subject: `Question from ${from}`, text: 'Hello' });
    const [ticket] = await eventually(async () => {
      const page = await stack.getJson<{ items: Ticket[] }>('tickets', `/tickets?requesterEmail=${encodeURIComponent(from)}`);
      expect(page.items).toHaveLength(1);
      return page.items;
    });
    return { ticket, contactId: ticket.requester.contactId };
  }

  beforeAll(async () => {
    stack = await startStack();
    smtp = createTransport({ host: '127.0.0.1', port: stack.smtpPort, secure: false, ignoreTLS: true, pool: false });
  });

  afterAll(async () => {
    smtp?.close();
    await stack?.cleanUp();
  });

  it('gives the survivor both tickets, and the merged-away id leads to the survivor', async () => {
    const survivor = await ticketFromMail('kim@merge.test');
    const duplicate = await ticketFromMail('kim.private@elsewhere.test');

    const response = await stack.fetch('identity', `/contacts/${survivor.contactId}/merge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: duplicate.contactId }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Contact).emails).toEqual(['kim@merge.test', 'kim.private@elsewhere.test']);
    expect((await stack.getJson<Contact>('identity', `/contacts/${duplicate.contactId}`)).id).toBe(survivor.contactId);

    await eventually(async () => {
      for (const { ticket } of [survivor, duplicate]) {
        const detail = await stack.getJson<Ticket>('tickets', `/tickets/${ticket.id}`);
        expect(detail.requester.contactId).toBe(survivor.contactId);
      }
    });
  });
});
