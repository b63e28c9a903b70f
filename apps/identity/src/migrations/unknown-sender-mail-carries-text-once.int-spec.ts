import { randomUUID } from 'node:crypto';
import { emailInboundReceived, inboundMail } from '../../../../test/support/events';
import { migratedDataSourceOf, undoMigrationsThrough } from '../../../../test/support/migrations';
import { identityServiceDefinition } from '../identity.definition';

describe('migration UnknownSenderMailCarriesTextOnce1763900000220 (real Postgres)', () => {
  const identityDataSource = migratedDataSourceOf(identityServiceDefinition);
  const text = 'Thanks, that worked.\n\nOn Mon, 1 Jan 2024 at 10:00, Support wrote:\n> Please try again.';

  it('turns the reply text of held v1 mail into the line where its quoted history begins, and back', async () => {
    const dataSource = identityDataSource();
    await undoMigrationsThrough(dataSource, 'UnknownSenderMailCarriesTextOnce1763900000220');
    /** A mail as identity stored it from `email.inbound.received.v1`, with its reply text. */
    const storedV1 = (mailText: string, replyText: string) => {
      const mail = inboundMail({ from: { address: `held.${randomUUID()}@acme.test` }, text: mailText });
      return { ...emailInboundReceived(mail), mail: { ...mail, replyText } };
    };
    const stored = storedV1(text, 'Thanks, that worked.');
    const storedAsIs = storedV1('Hello\n', 'Hello');
    for (const event of [stored, storedAsIs]) {
      await dataSource.query(
        `INSERT INTO unknown_sender_mail (inbound_message_id, sender, subject, received_at, event) VALUES ($1, $2, $3, now(), $4)`,
        [event.mail.inboundMessageId, event.mail.from.address, event.mail.subject, JSON.stringify(event)],
      );
    }
    const eventOf = async (inboundMessageId: string) =>
      (
        (await dataSource.query('SELECT event FROM unknown_sender_mail WHERE inbound_message_id = $1', [inboundMessageId])) as {
          event: unknown;
        }[]
      )[0].event;

    await dataSource.runMigrations({ transaction: 'each' });
    const { replyText: _replyText, ...migratedMail } = stored.mail;
    expect(await eventOf(stored.mail.inboundMessageId)).toEqual({ ...stored, mail: { ...migratedMail, quotedHistoryLine: 1 } });
    const { replyText: _whole, ...wholeMail } = storedAsIs.mail;
    expect(await eventOf(storedAsIs.mail.inboundMessageId)).toEqual({ ...storedAsIs, mail: wholeMail });

    await undoMigrationsThrough(dataSource, 'UnknownSenderMailCarriesTextOnce1763900000220');
    expect(await eventOf(stored.mail.inboundMessageId)).toEqual(stored);
    expect(await eventOf(storedAsIs.mail.inboundMessageId)).toEqual(storedAsIs);
    await dataSource.runMigrations({ transaction: 'each' });
  });
});
