import { TextDecoder } from 'node:util';
import { CallHandler, ExecutionContext, HttpStatus, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { RequestErrorCode, RequestRefusedException } from '@helpgate/platform';
import type { ContactImportLimits } from '../config';

export const CONTACT_IMPORT_LIMITS = Symbol('CONTACT_IMPORT_LIMITS');

const howToSend = "send the file as text/csv, e.g. curl -H 'Content-Type: text/csv' --data-binary @contacts.csv";

/**
 * Reads an import file sent as `text/csv` (UTF-8 unless a charset is given) into the request body as text. A file
 * past the size limit is refused as soon as it is known to be, without reading the rest. An interceptor rather than a
 * middleware because Nest runs middleware before the guards: the caller's token is checked before the body is looked at.
 */
@Injectable()
export class CsvBodyInterceptor implements NestInterceptor {
  constructor(@Inject(CONTACT_IMPORT_LIMITS) private readonly limits: ContactImportLimits) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const decoder = decoderFor(request.headers['content-type']);
    const tooLarge = () => {
      // The unread rest of the upload is not worth reading: the connection ends with the answer.
      response.setHeader('Connection', 'close');
      return new RequestRefusedException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        RequestErrorCode.BodyTooLarge,
        `The file is larger than ${this.limits.maxBytes} bytes: split it into smaller files`,
      );
    };
    if (Number(request.headers['content-length']) > this.limits.maxBytes) throw tooLarge();
    const bytes = await readAtMost(request, this.limits.maxBytes);
    if (!bytes) throw tooLarge();
    try {
      request.body = decoder.decode(bytes);
    } catch (error) {
      throw new RequestRefusedException(
        HttpStatus.BAD_REQUEST,
        RequestErrorCode.MalformedBody,
        `The file is not valid ${decoder.encoding}: give its charset in the Content-Type header`,
        { cause: error },
      );
    }
    return next.handle();
  }
}

function decoderFor(contentType: string | undefined): TextDecoder {
  const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'text/csv') throw unsupportedMediaType(`Contacts are imported from CSV: ${howToSend}`);
  const charset =
    parameters
      .find((parameter) => parameter.startsWith('charset='))
      ?.slice('charset='.length)
      .replace(/"/g, '') ?? 'utf-8';
  try {
    return new TextDecoder(charset, { fatal: true });
  } catch {
    throw unsupportedMediaType(`The charset ${charset.slice(0, 40)} is not supported`);
  }
}

function unsupportedMediaType(message: string): RequestRefusedException {
  return new RequestRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, RequestErrorCode.UnsupportedMediaType, message);
}

/** The request's body; null as soon as it is past `maxBytes` (reading then stops). */
function readAtMost(request: Request, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (finish: () => void) => {
      request.off('data', onData).off('end', onEnd).off('error', onError);
      finish();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else settle(() => (request.pause(), resolve(null)));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks)));
    const onError = (error: Error) => settle(() => reject(error));
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
