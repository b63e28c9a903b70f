export * from './events/envelope';
export * from './events/email';
export * from './events/identity';
export * from './events/tickets';
export * from './events/chat';
export * from './events/customer-success';
export * from './topics';
export * from './consumers';
