import { applyDecorators, CallHandler, Header, NestInterceptor, StreamableFile, UseInterceptors } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { ResponseContent } from './openapi/api-document.decorators';

/** A file as it is stored: its bytes, its media type and the name it was given. */
export interface StoredFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

/** `attachment` with the name as RFC 5987 `filename*` (UTF-8, percent-encoded), so any name in any script survives. */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

/** The stored file as the response body, with its Content-Type, Content-Length and an attachment disposition. */
export function storedFileResponse({ content, contentType, filename }: StoredFile): StreamableFile {
  return new StreamableFile(content, { type: contentType, length: content.length, disposition: attachmentDisposition(filename) });
}

class StoredFileInterceptor implements NestInterceptor<StoredFile, StreamableFile> {
  intercept(_context: unknown, next: CallHandler<StoredFile>): Observable<StreamableFile> {
    return next.handle().pipe(map(storedFileResponse));
  }
}

/**
 * Sends the `StoredFile` the route answers as a download, never rendered: saved under its name, with its type and
 * length, and `X-Content-Type-Options: nosniff` so no browser guesses another type. An HTML or SVG file must not run
 * in the reader's browser. The API document describes the answer as `documentedType`.
 */
export function FileDownload(documentedType = 'application/octet-stream'): MethodDecorator {
  return applyDecorators(
    ResponseContent(documentedType),
    Header('X-Content-Type-Options', 'nosniff'),
    UseInterceptors(new StoredFileInterceptor()),
  );
}
