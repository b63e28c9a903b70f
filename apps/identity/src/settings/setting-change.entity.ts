import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of one setting, kept for good. */
@Entity('identity_settings_audit')
export class SettingChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  actor!: string;

  @Column('text')
  setting!: string;

  @Column('jsonb', { name: 'old_value' })
  oldValue!: unknown;

  @Column('jsonb', { name: 'new_value' })
  newValue!: unknown;

  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
