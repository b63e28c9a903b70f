import { eventually } from '../../../../test/support/infra';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';
import { MachineMailRetentionSweeper } from './machine-mail-retention.sweeper';

interface HeldItem {
  inboundMessageId: string;
  kind: string;
  rule?: string;
  status: string;
  subject: string;
}

describe('email-ingest keeps machine mail about nothing of ours in quarantine (real SMTP, Postgres, Kafka)', () => {
  let ingest: EmailIngestUnderTest;

  const held = async (status = 'held') =>
    ((await (await ingest.fetch(`/quarantine?status=${status}`)).json()) as { items: HeldItem[] }).items;
  const heldWithSubject = async (subject: string, status = 'held') => (await held(status)).find((item) => item.subject === subject);
  const published = (subject: string) => ingest.inboundEvents().filter((event) => event.mail.subject === subject);

  beforeAll(async () => {
    ingest = await startEmailIngest({ INGEST_MACHINE_MAIL_RETENTION_DAYS: '7' });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('holds an auto-reply that answers none of our mails, and a list mail, under their kinds and rules; counts them per kind', async () => {
    const transport = ingest.smtpTransport();
    await transport.sendMail({
      from: 'away@partner.test',
      to: 'support@helpgate.test',
      subject: 'Automatic reply: Quarterly figures',
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<figures-q3@partner.test>' },
    });
    await transport.sendMail({
      from: 'Tomas Novak <tomas.novak@stars.test>',
      to: 'astro-forum@lists.stars.test',
      cc: 'support@helpgate.test',
      subject: '[astro-forum] My order never arrived',
      text: 'Writing through our club list: the mount I ordered from you never arrived.',
      headers: { 'List-Id': 'Astro forum <astro-forum.lists.stars.test>' },
    });

    await eventually(async () => {
      expect(await heldWithSubject('Automatic reply: Quarterly figures')).toMatchObject({ kind: 'auto-reply', rule: 'auto-reply-headers' });
      expect(await heldWithSubject('[astro-forum] My order never arrived')).toMatchObject({ kind: 'list', rule: 'list-headers' });
    });
    expect(published('Automatic reply: Quarterly figures')).toHaveLength(0);
    expect(published('[astro-forum] My order never arrived')).toHaveLength(0);
    const counts = (await (await ingest.fetch('/quarantine/counts')).json()) as { total: number; kinds: Record<string, number> };
    expect(counts).toEqual({
      total: 2,
      kinds: expect.objectContaining({ 'auto-reply': 1, list: 1, bounce: 0, 'feedback-report': 0, flood: 0 }),
    });
  });

  it('lets an auto-reply to our own mail flow on, for tickets to show on its ticket', async () => {
    await ingest.smtpTransport().sendMail({
      from: 'away@partner.test',
      to: 'support@helpgate.test',
      subject: 'Automatic reply: [#12] Your request',
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<hg.12.abc.Sig@helpgate.test>' },
    });
    await eventually(() => expect(published('Automatic reply: [#12] Your request')).toHaveLength(1));
    expect(published('Automatic reply: [#12] Your request')[0].mail.automation).toEqual({ kind: 'auto-reply' });
  });

  it('releases the list mail of a customer as a person’s mail', async () => {
    const list = (await heldWithSubject('[astro-forum] My order never arrived'))!;
    expect((await ingest.fetch(`/quarantine/${list.inboundMessageId}/release`, { method: 'POST' })).status).toBe(204);
    await eventually(() => expect(published('[astro-forum] My order never arrived')).toHaveLength(1));
    const [event] = published('[astro-forum] My order never arrived');
    expect(event.mail).toMatchObject({ inboundMessageId: list.inboundMessageId, isAutomated: false });
    expect(event.mail.automation).toBeUndefined();
    expect(await heldWithSubject('[astro-forum] My order never arrived', 'released')).toMatchObject({ kind: 'list' });
  });

  it('deletes held machine mail past the retention, and only that', async () => {
    await ingest.smtpTransport().sendMail({
      from: 'robot@newsletter.test',
      to: 'support@helpgate.test',
      subject: 'Weekly digest',
      text: 'This week in robots.',
      headers: { Precedence: 'bulk' },
    });
    await eventually(async () => expect(await heldWithSubject('Weekly digest')).toMatchObject({ kind: 'list', rule: 'list-headers' }));
    const old = (await heldWithSubject('Automatic reply: Quarterly figures'))!;
    await ingest.database.query(`UPDATE quarantined_messages SET created_at = now() - interval '8 days' WHERE inbound_message_id = $1`, [
      old.inboundMessageId,
    ]);

    ingest.app.get(MachineMailRetentionSweeper).wake();

    await eventually(async () => expect(await heldWithSubject('Automatic reply: Quarterly figures', 'deleted')).toBeDefined());
    expect((await held()).map((item) => item.subject)).toEqual(['Weekly digest']);
  });
});
