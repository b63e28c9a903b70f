import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Product announcements for the help center, and one read mark per reader (contact or anonymous visitor): the unread
 * count is the announcements published after it, so it needs no row per reader and announcement.
 */
export class Announcements1764000000810 implements MigrationInterface {
  name = 'Announcements1764000000810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE announcements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        text text NOT NULL,
        published_from timestamptz NOT NULL,
        language text,
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX announcements_published_from ON announcements (published_from DESC)');
    await queryRunner.query(`
      CREATE TABLE announcement_read_marks (
        reader text PRIMARY KEY,
        read_up_to timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE announcement_read_marks');
    await queryRunner.query('DROP TABLE announcements');
  }
}
