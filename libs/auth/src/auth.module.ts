import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { KeyObject } from 'node:crypto';
import { BearerTokenGuard, TOKEN_PUBLIC_KEYS } from './bearer-token.guard';

/** Requires a signed token on every HTTP route of the service (see `BearerTokenGuard`). */
@Module({})
export class AuthModule {
  static forRoot(publicKeys: ReadonlyMap<string, KeyObject>): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: TOKEN_PUBLIC_KEYS, useValue: publicKeys }, { provide: APP_GUARD, useClass: BearerTokenGuard }],
    };
  }
}
