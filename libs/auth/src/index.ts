export * from './access.decorators';
export * from './auth-keys';
export * from './auth.exception';
export * from './auth.module';
export * from './bearer-token.guard';
export * from './principal';
export * from './signed-token';
