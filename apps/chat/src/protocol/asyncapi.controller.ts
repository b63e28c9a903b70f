import { Controller, Get } from '@nestjs/common';
import { Public } from '@helpgate/auth';
import { ExcludedFromApiDocument } from '@helpgate/platform';
import { asyncApiDocument } from './asyncapi-document';

/** The socket protocol document, next to `/openapi.json`. */
@Public()
@ExcludedFromApiDocument()
@Controller('asyncapi.json')
export class AsyncApiController {
  private readonly document = asyncApiDocument();

  @Get()
  get(): Record<string, unknown> {
    return this.document;
  }
}
