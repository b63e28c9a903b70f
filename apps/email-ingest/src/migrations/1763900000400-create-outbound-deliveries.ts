import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboundDeliveries1763900000400 implements MigrationInterface {
  name = 'CreateOutboundDeliveries1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbound_deliveries (
        request_id uuid PRIMARY KEY,
        message_id text NOT NULL,
        kind text NOT NULL,
        request jsonb NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The senders' claim query: only deliveries still to do, by when they are due.
    await queryRunner.query(
      "CREATE INDEX outbound_deliveries_due ON outbound_deliveries (next_attempt_at) WHERE status IN ('queued', 'sending')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE outbound_deliveries');
  }
}
