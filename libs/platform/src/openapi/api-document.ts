import { Inject, Injectable, OnApplicationBootstrap, Type } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { httpRoutesOf } from './http-routes';
import { ApiInfo, OpenApiDocument, openApiDocument } from './openapi-document';
import { docsPage } from './swagger-ui';

export const API_INFO = Symbol('API_INFO');

/** The service's OpenAPI document and docs page, made once all modules are up, from every controller Nest knows. */
@Injectable()
export class ApiDocument implements OnApplicationBootstrap {
  private document?: OpenApiDocument;
  readonly page: string;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(API_INFO) private readonly info: ApiInfo,
  ) {
    this.page = docsPage(info.title);
  }

  onApplicationBootstrap(): void {
    const controllers = new Set(
      this.discovery
        .getControllers()
        .map((wrapper) => wrapper.metatype)
        .filter((metatype): metatype is Type => typeof metatype === 'function'),
    );
    this.document = openApiDocument(
      this.info,
      [...controllers].flatMap((controller) => httpRoutesOf(controller, this.scanner)),
    );
  }

  get openApi(): OpenApiDocument {
    if (!this.document) throw new Error('the API document is made when the application starts');
    return this.document;
  }
}
