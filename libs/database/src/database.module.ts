import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import type { DatabaseConfig } from '@helpgate/config';
import { databaseUrl, ensureDatabase } from './ensure-database';
import { runMigrationsUnderLock } from './migrate';
import { TransactionOpeningClient } from './transaction-opening-client';

type Constructor = new (...args: never[]) => object;

export interface ServiceSchema {
  entities: (Constructor | EntitySchema)[];
  migrations: Constructor[];
}

export function dataSourceOptions(config: DatabaseConfig, schema: ServiceSchema): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(config.serverUrl, config.name),
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    extra: { max: config.poolSize, connectionTimeoutMillis: 5000, Client: TransactionOpeningClient },
  };
}

/** Opens the service's own database: created if missing, migrated under a lock before anything uses it. */
export async function openServiceDatabase(config: DatabaseConfig, schema: ServiceSchema): Promise<DataSource> {
  await ensureDatabase(config.serverUrl, config.name);
  const dataSource = await new DataSource(dataSourceOptions(config, schema)).initialize();
  const applied = await runMigrationsUnderLock(dataSource);
  if (applied.length > 0) new Logger('Database').log({ database: config.name, applied }, 'migrations applied');
  return dataSource;
}

@Module({})
export class DatabaseModule {
  static forService(config: DatabaseConfig, schema: ServiceSchema): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config, schema),
          dataSourceFactory: async () => openServiceDatabase(config, schema),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
