export * from './database.module';
export * from './ensure-database';
export * from './migrate';
export * from './once-per-transaction';
export * from './entity-columns';
export * from './rewrite-json-column';
export * from './column-compression';
export * from './transaction-opening-client';
