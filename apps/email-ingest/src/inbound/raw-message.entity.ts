import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A received message exactly as it arrived, stored once by content hash. */
@Entity('raw_messages')
export class RawMessageEntity {
  @PrimaryColumn('text')
  sha256!: string;

  @Column('integer', { name: 'size_bytes' })
  sizeBytes!: number;

  @Column('bytea')
  content!: Buffer;

  @Column('timestamptz', { name: 'first_received_at' })
  firstReceivedAt!: Date;
}
