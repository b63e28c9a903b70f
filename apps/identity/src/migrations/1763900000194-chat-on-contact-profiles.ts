import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts may be created for chat visitors, and the transcripts of their conversations with people are kept on their profiles. */
export class ChatOnContactProfiles1763900000194 implements MigrationInterface {
  name = 'ChatOnContactProfiles1763900000194';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contacts DROP CONSTRAINT contacts_source_check');
    await queryRunner.query(`ALTER TABLE contacts ADD CONSTRAINT contacts_source_check CHECK (source IN ('email', 'agent', 'import', 'chat'))`);
    // One transcript per conversation: chat announcing a conversation's end again records nothing more.
    await queryRunner.query(`
      CREATE TABLE chat_transcripts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id),
        conversation_id uuid NOT NULL UNIQUE,
        outcome text NOT NULL,
        agents jsonb NOT NULL,
        rating jsonb,
        language text,
        entries jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX chat_transcripts_of_contact ON chat_transcripts (contact_id, ended_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE chat_transcripts');
    // Before chat, a contact created for a visitor's address would have come from that address's mail.
    await queryRunner.query(`UPDATE contacts SET source = 'email' WHERE source = 'chat'`);
    await queryRunner.query('ALTER TABLE contacts DROP CONSTRAINT contacts_source_check');
    await queryRunner.query(`ALTER TABLE contacts ADD CONSTRAINT contacts_source_check CHECK (source IN ('email', 'agent', 'import'))`);
  }
}
