import { MigrationInterface, QueryRunner } from 'typeorm';
import { mailboxKey } from '../contacts/mailbox-key';

const backfillBatchSize = 1000;

export class DuplicateCandidates1763900000181 implements MigrationInterface {
  name = 'DuplicateCandidates1763900000181';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_emails ADD COLUMN mailbox_key text');
    for (;;) {
      const rows = (await queryRunner.query('SELECT email FROM contact_emails WHERE mailbox_key IS NULL LIMIT $1', [
        backfillBatchSize,
      ])) as { email: string }[];
      if (rows.length === 0) break;
      const emails = rows.map((row) => row.email);
      await queryRunner.query(
        `UPDATE contact_emails SET mailbox_key = computed.mailbox_key
          FROM unnest($1::text[], $2::text[]) AS computed (email, mailbox_key) WHERE contact_emails.email = computed.email`,
        [emails, emails.map(mailboxKey)],
      );
    }
    await queryRunner.query('ALTER TABLE contact_emails ALTER COLUMN mailbox_key SET NOT NULL');
    await queryRunner.query('CREATE INDEX contact_emails_mailbox_key ON contact_emails (mailbox_key)');
    await queryRunner.query(
      'CREATE INDEX contacts_name_key ON contacts (lower(name)) WHERE merged_into_id IS NULL AND anonymized_at IS NULL',
    );
    // A pair is stored once, the lower id first.
    await queryRunner.query(`
      CREATE TABLE duplicate_dismissals (
        first_contact_id uuid NOT NULL REFERENCES contacts (id),
        second_contact_id uuid NOT NULL REFERENCES contacts (id),
        dismissed_by text NOT NULL,
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (first_contact_id, second_contact_id),
        CHECK (first_contact_id < second_contact_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE duplicate_dismissals');
    await queryRunner.query('DROP INDEX contacts_name_key');
    await queryRunner.query('DROP INDEX contact_emails_mailbox_key');
    await queryRunner.query('ALTER TABLE contact_emails DROP COLUMN mailbox_key');
  }
}
