import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('support_addresses')
export class SupportAddressEntity {
  @PrimaryColumn('text')
  address!: string;

  @Column('text', { name: 'default_category', nullable: true })
  defaultCategory!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
