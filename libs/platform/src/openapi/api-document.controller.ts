import { Controller, Get, Header, HttpStatus, Param, StreamableFile } from '@nestjs/common';
import { Public } from '@helpgate/auth';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { RequestErrorCode, RequestRefusedException } from '../error-body';
import { ApiDocument } from './api-document';
import { ExcludedFromApiDocument } from './api-document.decorators';
import type { OpenApiDocument } from './openapi-document';
import { swaggerUiAssets, swaggerUiDirectory } from './swagger-ui';

/** `/openapi.json` and the `/docs` page rendering it with Swagger UI. */
@Public()
@ExcludedFromApiDocument()
@Controller()
export class ApiDocumentController {
  constructor(private readonly document: ApiDocument) {}

  @Get('openapi.json')
  openApi(): OpenApiDocument {
    return this.document.openApi;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return this.document.page;
  }

  @Get('docs/:asset')
  @Header('cache-control', 'public, max-age=86400')
  asset(@Param('asset') name: string): StreamableFile {
    const type = swaggerUiAssets.get(name);
    if (!type) throw new RequestRefusedException(HttpStatus.NOT_FOUND, RequestErrorCode.RouteNotFound, `No docs asset ${name}`);
    return new StreamableFile(createReadStream(join(swaggerUiDirectory, name)), { type });
  }
}
