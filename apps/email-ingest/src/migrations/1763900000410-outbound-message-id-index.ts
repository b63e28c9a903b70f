import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bounces name the Message-ID of the mail they return; finding its delivery must not scan the table. */
export class OutboundMessageIdIndex1763900000410 implements MigrationInterface {
  name = 'OutboundMessageIdIndex1763900000410';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX outbound_deliveries_message_id ON outbound_deliveries (message_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbound_deliveries_message_id');
  }
}
