import { MigrationInterface, QueryRunner } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox } from '@helpgate/outbox';
import { organizationChangedEvent } from '../organizations/organization-changed';

/**
 * Organizations get a support contract (the last day it covers, or none). The organizations that exist already,
 * "Unassigned" among them, are announced once, so services that follow organizations start from all of them.
 */
export class OrganizationSupportContracts1763900000192 implements MigrationInterface {
  name = 'OrganizationSupportContracts1763900000192';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organizations ADD COLUMN support_contract_active_until date');
    const organizations = (await queryRunner.query('SELECT id, name FROM organizations ORDER BY created_at, id')) as {
      id: string;
      name: string;
    }[];
    await new Outbox(queryRunner.manager).addAll(
      organizations.map(({ id, name }) => ({
        topic: Topics.IdentityOrganizationChanged,
        key: id,
        event: organizationChangedEvent({ id, name, supportContractActiveUntil: null }),
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organizations DROP COLUMN support_contract_active_until');
  }
}
