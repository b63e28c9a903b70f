import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationDomainEntity } from './organization-domain.entity';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault!: boolean;

  /** The last day (inclusive, an ISO date) the organization's support contract covers; null when it has none. */
  @Column('date', { name: 'support_contract_active_until', nullable: true })
  supportContractActiveUntil!: string | null;

  @OneToMany(() => OrganizationDomainEntity, (domain) => domain.organization, { cascade: ['insert'] })
  domains!: OrganizationDomainEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
