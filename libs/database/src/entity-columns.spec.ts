import { Column, CreateDateColumn, DataSource, Entity, EntityMetadata, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ConnectionMetadataBuilder } from 'typeorm/connection/ConnectionMetadataBuilder';
import { EntityColumns } from './entity-columns';

@Entity('parcels')
class ParcelEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false, transformer: { from: Number, to: (value: number) => value } })
  number!: number;

  @Column('text', { name: 'tracking_code' })
  trackingCode!: string;

  @Column('text', { array: true })
  labels!: string[];

  @Column('jsonb', { nullable: true })
  contents!: { item: string }[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

async function parcelMetadata(): Promise<EntityMetadata> {
  const dataSource = new DataSource({ type: 'postgres', entities: [ParcelEntity] });
  const [metadata] = await new ConnectionMetadataBuilder(dataSource).buildEntityMetadatas([ParcelEntity]);
  return metadata;
}

describe('EntityColumns', () => {
  let parcels: EntityColumns<ParcelEntity>;

  beforeAll(async () => {
    parcels = new EntityColumns<ParcelEntity>(await parcelMetadata());
  });

  it('names the table and the column of a property', () => {
    expect(parcels.table).toBe('parcels');
    expect(parcels.column('trackingCode')).toBe('tracking_code');
    expect(() => parcels.column('weight' as keyof ParcelEntity & string)).toThrow('ParcelEntity has no column weight');
  });

  it('selects every column under its property name', () => {
    expect(parcels.selectList('parcel')).toBe(
      'parcel.id AS "parcel.id", parcel.number AS "parcel.number", parcel.tracking_code AS "parcel.trackingCode", ' +
        'parcel.labels AS "parcel.labels", parcel.contents AS "parcel.contents", parcel.created_at AS "parcel.createdAt", ' +
        'parcel.updated_at AS "parcel.updatedAt"',
    );
  });

  it('reads a selected row back as the entity, through the column transformers', () => {
    const createdAt = new Date('2026-01-02T03:04:05Z');
    const parcel = parcels.read(
      {
        'parcel.id': 'c0ffee00-0000-4000-8000-000000000001',
        'parcel.number': '42',
        'parcel.trackingCode': 'TR-1',
        'parcel.labels': ['fragile'],
        'parcel.contents': [{ item: 'book' }],
        'parcel.createdAt': createdAt,
        'parcel.updatedAt': createdAt,
        'other.id': 'not the parcel',
      },
      'parcel',
    );

    expect(parcel).toBeInstanceOf(ParcelEntity);
    expect(parcel).toEqual({
      id: 'c0ffee00-0000-4000-8000-000000000001',
      number: 42,
      trackingCode: 'TR-1',
      labels: ['fragile'],
      contents: [{ item: 'book' }],
      createdAt,
      updatedAt: createdAt,
    });
  });

  it('reads nothing where an outer join found no row', () => {
    expect(parcels.read({ 'parcel.id': null, 'parcel.trackingCode': null }, 'parcel')).toBeNull();
  });

  it('writes a new row with every column but those the database fills in and the times', () => {
    expect(parcels.written).toEqual(['id', 'tracking_code', 'labels', 'contents']);
    expect(parcels.writtenList('new')).toBe('new.id, new.tracking_code, new.labels, new.contents');
  });

  it('makes a JSON record of a new row keyed by column, leaving out what was not given', () => {
    const record = parcels.record({ id: 'c0ffee00-0000-4000-8000-000000000002', trackingCode: 'TR-2', labels: [], number: 7 });

    expect(record).toEqual({ id: 'c0ffee00-0000-4000-8000-000000000002', tracking_code: 'TR-2', labels: [], contents: undefined });
    expect(JSON.parse(JSON.stringify(record))).toEqual({ id: 'c0ffee00-0000-4000-8000-000000000002', tracking_code: 'TR-2', labels: [] });
  });
});
