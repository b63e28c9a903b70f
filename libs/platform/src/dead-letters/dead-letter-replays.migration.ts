import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every service records the dead letters operators handed back, so that a dead letter shows it was replayed, when and by whom. */
export class CreateDeadLetterReplays1763900000050 implements MigrationInterface {
  name = 'CreateDeadLetterReplays1763900000050';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dead_letter_replays (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        partition integer NOT NULL,
        dead_letter_offset bigint NOT NULL,
        replayed_by text NOT NULL,
        replayed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX dead_letter_replays_dead_letter ON dead_letter_replays (topic, partition, dead_letter_offset)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dead_letter_replays');
  }
}
