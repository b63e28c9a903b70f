import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationDomainRules1763900000120 implements MigrationInterface {
  name = 'OrganizationDomainRules1763900000120';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organization_domains ADD COLUMN include_subdomains boolean NOT NULL DEFAULT false');
    await queryRunner.query(`
      CREATE TABLE organization_domain_conflicts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        domain text NOT NULL,
        claims jsonb NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX organization_domain_conflicts_contact ON organization_domain_conflicts (contact_id)');
    await queryRunner.query('CREATE INDEX organization_domain_conflicts_detected ON organization_domain_conflicts (detected_at DESC, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE organization_domain_conflicts');
    await queryRunner.query('ALTER TABLE organization_domains DROP COLUMN include_subdomains');
  }
}
