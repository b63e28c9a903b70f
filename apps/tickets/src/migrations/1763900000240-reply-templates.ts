import { MigrationInterface, QueryRunner } from 'typeorm';

const portalCredentials = {
  name: 'Portal credentials',
  subject: 'Your support portal access',
  body: [
    'Hello {{requester.name}},',
    '',
    'you can follow your requests, ticket #{{ticket.number}} among them, in our support portal:',
    '',
    'Portal: {{portal.url}}',
    'User name: {{portal.username}}',
    'Choose your password here (the link works once): {{portal.setPasswordLink}}',
    '',
    'Kind regards',
  ].join('\n'),
};

/**
 * Reply templates (macros) agents apply and automation rules mail: a name, an optional subject and a body with
 * placeholders. A new installation starts with the one that mails a customer their portal access.
 */
export class ReplyTemplates1763900000240 implements MigrationInterface {
  name = 'ReplyTemplates1763900000240';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reply_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        subject text CHECK (length(subject) BETWEEN 1 AND 500),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX reply_templates_name ON reply_templates (lower(name))');
    await queryRunner.query('INSERT INTO reply_templates (name, subject, body) VALUES ($1, $2, $3)', [
      portalCredentials.name,
      portalCredentials.subject,
      portalCredentials.body,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reply_templates');
  }
}
