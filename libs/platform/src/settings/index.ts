export * from './settings-store';
export * from './settings-api';
export * from './settings-tables';
export * from './settings-controller';
