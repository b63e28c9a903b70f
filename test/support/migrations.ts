import type { DataSource } from 'typeorm';

/** Undoes migrations newest first down to and including `name`, so a migration test holds as later ones are added. */
export async function undoMigrationsThrough(dataSource: DataSource, name: string): Promise<void> {
  let undone: string | undefined;
  while (undone !== name) {
    const [latest] = (await dataSource.query('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1')) as { name: string }[];
    await dataSource.undoLastMigration({ transaction: 'each' });
    undone = latest!.name;
  }
}
