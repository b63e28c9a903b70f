import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OrganizationEntity } from './organization.entity';

@Entity('organization_domains')
export class OrganizationDomainEntity {
  @PrimaryColumn('text')
  domain!: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, (organization) => organization.domains, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization!: OrganizationEntity;

  /** Whether addresses at subdomains (`eu.acme.test` for `acme.test`) belong to the organization too. */
  @Column('boolean', { name: 'include_subdomains', default: false })
  includeSubdomains!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
