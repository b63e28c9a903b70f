export * from './background-worker';
export * from './messaging-tables.migration';
export * from './cheaper-outbox-rows.migration';
export * from './outbox-relay';
export * from './outbox.module';
export * from './transactional-events';
export * from './work-loop';
