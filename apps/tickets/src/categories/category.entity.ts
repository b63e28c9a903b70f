import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A department (feature null) or a feature beneath one; tickets point at one row, which names both. */
@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  department!: string;

  @Column('text', { nullable: true })
  feature!: string | null;

  /** Inactive categories stay on the tickets that have them but are offered for no new ones. */
  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
