import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound mail is stored before it is read: the receipt gets its sender and Message-ID once the message is
 * parsed, keeps the HELO name for SPF, and a message that cannot be read is held in quarantine, saying why.
 */
export class ReadInboundMailAfterAcceptance1763900000500 implements MigrationInterface {
  name = 'ReadInboundMailAfterAcceptance1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE inbound_messages ALTER COLUMN message_id DROP NOT NULL');
    await queryRunner.query('ALTER TABLE inbound_messages ALTER COLUMN sender DROP NOT NULL, ALTER COLUMN sender DROP DEFAULT');
    await queryRunner.query('ALTER TABLE inbound_messages ADD COLUMN helo_name text');
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check
         CHECK (reason IN ('flood', 'dmarc-fail', 'loop', 'malformed'))`,
    );
    await queryRunner.query('ALTER TABLE quarantined_messages ADD COLUMN detail text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE quarantined_messages DROP COLUMN detail');
    await queryRunner.query(`DELETE FROM quarantined_messages WHERE reason = 'malformed'`);
    await queryRunner.query('ALTER TABLE quarantined_messages DROP CONSTRAINT quarantined_messages_reason_check');
    await queryRunner.query(
      `ALTER TABLE quarantined_messages ADD CONSTRAINT quarantined_messages_reason_check CHECK (reason IN ('flood', 'dmarc-fail', 'loop'))`,
    );
    await queryRunner.query('ALTER TABLE inbound_messages DROP COLUMN helo_name');
    await queryRunner.query(`UPDATE inbound_messages SET sender = '' WHERE sender IS NULL`);
    await queryRunner.query(`ALTER TABLE inbound_messages ALTER COLUMN sender SET DEFAULT '', ALTER COLUMN sender SET NOT NULL`);
    await queryRunner.query(`UPDATE inbound_messages SET message_id = '<' || raw_sha256 || '@helpgate.invalid>' WHERE message_id IS NULL`);
    await queryRunner.query('ALTER TABLE inbound_messages ALTER COLUMN message_id SET NOT NULL');
  }
}
