export * from './domain-exception';
