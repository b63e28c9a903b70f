import { MigrationInterface, QueryRunner } from 'typeorm';

/** The portal finds the tickets a contact is copied on by its addresses. */
export class PortalLookups1763900000254 implements MigrationInterface {
  name = 'PortalLookups1763900000254';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX ticket_ccs_email ON ticket_ccs (email)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ticket_ccs_email');
  }
}
