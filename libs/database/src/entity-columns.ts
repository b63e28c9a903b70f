import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ApplyValueTransformers } from 'typeorm/util/ApplyValueTransformers';

type Column = EntityMetadata['columns'][number];

/**
 * An entity's columns for hand-written SQL (hot paths where one statement does the work of many ORM calls), read
 * from the entity's TypeORM metadata: a column added to the entity is selected, read back and written with it, so no
 * column list or row mapper can fall out of step with the entity.
 */
export class EntityColumns<Entity extends ObjectLiteral> {
  /** The table, for `jsonb_populate_record(NULL::<table>, …)`: JSON records read with the table's own column types. */
  readonly table: string;
  /** The columns a new row is written with: all but those the database fills in and the creation and update times. */
  readonly written: readonly string[];
  private readonly writtenColumns: readonly Column[];

  constructor(private readonly metadata: EntityMetadata) {
    this.table = metadata.tablePath;
    this.writtenColumns = metadata.columns.filter((column) => column.isInsert && !column.isCreateDate && !column.isUpdateDate);
    this.written = this.writtenColumns.map((column) => column.databaseName);
  }

  static of<Entity extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<Entity>): EntityColumns<Entity> {
    return new EntityColumns<Entity>(dataSource.getMetadata(target));
  }

  /** The database name of a property's column. */
  column(property: keyof Entity & string): string {
    const column = this.metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${this.metadata.name} has no column ${property}`);
    return column.databaseName;
  }

  /** `alias.column AS "alias.property", …` for every column: the row `read` takes. */
  selectList(alias: string): string {
    return this.metadata.columns.map((column) => `${alias}.${column.databaseName} AS "${alias}.${column.propertyName}"`).join(', ');
  }

  /** `alias.column, …` of the written columns, in the order of `written`. */
  writtenList(alias: string): string {
    return this.written.map((column) => `${alias}.${column}`).join(', ');
  }

  /** The entity a row selected with `selectList(alias)` holds; null when its primary key is null (an outer join found none). */
  read(row: Record<string, unknown>, alias: string): Entity | null {
    const [primary] = this.metadata.primaryColumns;
    if (row[`${alias}.${primary.propertyName}`] == null) return null;
    const entity = this.metadata.create() as Entity;
    for (const column of this.metadata.columns) {
      const value = row[`${alias}.${column.propertyName}`];
      (entity as ObjectLiteral)[column.propertyName] = column.transformer
        ? (ApplyValueTransformers.transformFrom(column.transformer, value) as unknown)
        : value;
    }
    return entity;
  }

  /** A new row as a JSON record keyed by column name, for `jsonb_populate_record`; properties not given are null. */
  record(values: Partial<Entity>): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (const column of this.writtenColumns) {
      const value: unknown = (values as ObjectLiteral)[column.propertyName];
      record[column.databaseName] = column.transformer ? (ApplyValueTransformers.transformTo(column.transformer, value) as unknown) : value;
    }
    return record;
  }
}
