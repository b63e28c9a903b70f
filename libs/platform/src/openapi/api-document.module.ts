import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { version } from '../../../../package.json';
import { API_INFO, ApiDocument } from './api-document';
import { ApiDocumentController } from './api-document.controller';
import type { ApiInfo } from './openapi-document';

/** Serves `/openapi.json` and `/docs` for every HTTP route of the service, with no per-route annotation. */
@Module({})
export class ApiDocumentModule {
  static forService(service: string): DynamicModule {
    const info: ApiInfo = { title: `Helpgate ${service}`, version };
    return {
      module: ApiDocumentModule,
      imports: [DiscoveryModule],
      controllers: [ApiDocumentController],
      providers: [ApiDocument, { provide: API_INFO, useValue: info }],
    };
  }
}
