import { randomUUID } from 'node:crypto';
import { EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { sha256Hex } from '@helpgate/platform';
import { contactAnonymized, outboundRequested } from '../../../../test/support/events';
import { eventually } from '../../../../test/support/infra';
import { findPersonalData } from '../../../../test/support/personal-data';
import { EmailIngestUnderTest, startEmailIngest } from '../../test/email-ingest-under-test';

describe("email-ingest erases an erased contact's mail, in any order of events (real SMTP, Postgres and Kafka)", () => {
  let ingest: EmailIngestUnderTest;
  const sharedTerms = { filename: 'terms.txt', content: 'The general terms every customer gets.' };

  const send = (from: string, subject: string, attachments: { filename: string; content: string }[] = []) =>
    ingest.smtpTransport().sendMail({ from, to: 'support@helpgate.test', subject, text: `${subject}\n\nRegards`, attachments });
  const storedAttachment = async (content: string) =>
    (await ingest.database.query('SELECT 1 FROM attachments WHERE sha256 = $1', [sha256Hex(content)])).rowCount;
  const erasedAt = (minutesFromNow: number) => new Date(Date.now() + minutesFromNow * 60_000).toISOString();

  async function readAfterAcceptance(envelopeSender: string): Promise<void> {
    const accepted = await eventually(() => {
      const found = ingest.kafka
        .events<EmailInboundAcceptedV1>(Topics.EmailInboundAccepted)
        .filter((event) => event.message.envelope.mailFrom === envelopeSender);
      expect(found).toHaveLength(1);
      return found[0];
    });
    await eventually(async () =>
      expect((await ingest.database.query('SELECT 1 FROM processed_events WHERE event_id = $1', [accepted.eventId])).rowCount).toBe(1),
    );
  }

  beforeAll(async () => {
    ingest = await startEmailIngest();
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it("deletes the contact's mail, its own attachments, held mail and deliveries naming it, and keeps another's shared file", async () => {
    const jane = { address: 'jane.doe@acme.test', name: 'Jane Doe' };
    const contract = { filename: 'contract-jane-doe.txt', content: 'Contract of Jane Doe, jane.doe@acme.test' };
    const first = await send(`"${jane.name}" <${jane.address}>`, 'Invoice question', [contract, sharedTerms]);
    const second = await send(`"${jane.name}" <${jane.address}>`, 'Second question');
    const bobs = await send('"Bob Stone" <bob@acme.test>', 'Terms for Bob', [sharedTerms]);
    await send('MAILER-DAEMON@mx.elsewhere.test', 'Undeliverable: your message to jane.doe@acme.test');
    for (const { messageId } of [first, second, bobs]) await ingest.waitForInboundEvent(messageId);
    await eventually(async () =>
      expect((await ingest.database.query(`SELECT 1 FROM quarantined_messages WHERE status = 'held'`)).rowCount).toBe(1),
    );
    const reply = outboundRequested({ to: [{ address: jane.address, name: jane.name }], text: 'Hello Jane Doe, here is your invoice.' });
    await ingest.handled(Topics.EmailOutboundRequested, reply.mail.requestId, reply);
    expect(await findPersonalData(ingest.database, [jane.address, jane.name])).not.toEqual([]);

    await ingest.handled(
      Topics.IdentityContactAnonymized,
      'jane',
      contactAnonymized(randomUUID(), { emails: ['Jane.Doe@acme.test'], names: [jane.name] }),
    );

    expect(await findPersonalData(ingest.database, [jane.address, jane.name])).toEqual([]);
    expect(await storedAttachment(contract.content)).toBe(0);
    expect(await storedAttachment(sharedTerms.content)).toBe(1);
    const bobsEvent = ingest.inboundEventsWithMessageId(bobs.messageId)[0];
    const bobsRaw = await ingest.fetch(`/inbound-messages/${bobsEvent.mail.inboundMessageId}/raw`);
    expect(bobsRaw.status).toBe(200);
    expect(await bobsRaw.text()).toContain('Terms for Bob');
    const erasedKeys = await ingest.database.query('SELECT address_sha256 FROM erased_senders');
    expect(erasedKeys.rows).toContainEqual({ address_sha256: sha256Hex(jane.address) });
  });

  it('erases mail of an erased contact accepted before the erasure but read after it, and mail requested for it before', async () => {
    const late = { address: 'late.writer@acme.test', name: 'Lena Late' };
    // The erasure is handled first, but happened (by identity's clock) after the mail below was accepted.
    const erasure = { ...contactAnonymized(randomUUID(), { emails: [late.address], names: [late.name] }), occurredAt: erasedAt(10) };
    await ingest.handled(Topics.IdentityContactAnonymized, 'late', erasure);

    expect(
      (await send(`"${late.name}" <${late.address}>`, 'Lena Late writes', [{ filename: 'lena.txt', content: 'From Lena Late' }])).response,
    ).toMatch(/^250 /);
    await readAfterAcceptance(late.address);
    const requestedBefore = { ...outboundRequested({ to: [{ address: late.address, name: late.name }] }), occurredAt: erasedAt(-1) };
    await ingest.handled(Topics.EmailOutboundRequested, requestedBefore.mail.requestId, requestedBefore);

    expect(await findPersonalData(ingest.database, [late.address, late.name])).toEqual([]);
    expect(await storedAttachment('From Lena Late')).toBe(0);
    expect(ingest.inboundEvents().filter((event) => event.mail.from.address === late.address)).toEqual([]);
  });

  it('reads mail from an erased address accepted after the erasure as anyone’s: the address is free again', async () => {
    const reused = 'reused@acme.test';
    const erasure = { ...contactAnonymized(randomUUID(), { emails: [reused], names: [] }), occurredAt: erasedAt(-1) };
    await ingest.handled(Topics.IdentityContactAnonymized, 'reused', erasure);

    const { messageId } = await send(`"New Owner" <${reused}>`, 'First mail of the new owner');
    expect((await ingest.waitForInboundEvent(messageId)).mail.from).toEqual({ address: reused, name: 'New Owner' });
    const requestedAfter = outboundRequested({ to: [{ address: reused }] });
    await ingest.handled(Topics.EmailOutboundRequested, requestedAfter.mail.requestId, requestedAfter);
    expect(
      (await ingest.database.query('SELECT 1 FROM outbound_deliveries WHERE request_id = $1', [requestedAfter.mail.requestId])).rowCount,
    ).toBe(1);
  });
});
