import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base: articles (translations share the id), helpful votes (one per visitor and article), and a revision
 * every write bumps, so each chat instance knows when its in-memory search index is stale.
 */
export class KnowledgeBase1764000000700 implements MigrationInterface {
  name = 'KnowledgeBase1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE knowledge_base_articles (
        id text NOT NULL,
        language text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        department text NOT NULL,
        feature text,
        tags text[] NOT NULL DEFAULT '{}',
        published boolean NOT NULL DEFAULT true,
        content_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, language)
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_base_votes (
        article_id text NOT NULL,
        visitor_id text NOT NULL,
        helpful boolean NOT NULL,
        voted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (article_id, visitor_id)
      )`);
    await queryRunner.query(
      `CREATE TABLE knowledge_base_revision (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), revision bigint NOT NULL)`,
    );
    await queryRunner.query(`INSERT INTO knowledge_base_revision (revision) VALUES (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE knowledge_base_revision');
    await queryRunner.query('DROP TABLE knowledge_base_votes');
    await queryRunner.query('DROP TABLE knowledge_base_articles');
  }
}
