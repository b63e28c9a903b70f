export * from './dead-letter-headers';
export * from './dead-letter-observer';
export * from './dead-letter-records';
export * from './replay';
