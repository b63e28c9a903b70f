import { CallHandler, ExecutionContext, NestInterceptor, StreamableFile } from '@nestjs/common';
import { HEADERS_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { lastValueFrom, of } from 'rxjs';
import { attachmentDisposition, FileDownload, StoredFile, storedFileResponse } from './file-download';

const report: StoredFile = { content: Buffer.from('%PDF-1.7 report'), contentType: 'application/pdf', filename: 'report.pdf' };

describe('attachmentDisposition', () => {
  it('names the file the RFC 5987 way, as an attachment', () => {
    expect(attachmentDisposition('report.pdf')).toBe("attachment; filename*=UTF-8''report.pdf");
    expect(attachmentDisposition('Überweisung März.pdf')).toBe("attachment; filename*=UTF-8''%C3%9Cberweisung%20M%C3%A4rz.pdf");
  });

  it('encodes what RFC 5987 does not allow bare, so a name cannot end the value or add a parameter', () => {
    expect(attachmentDisposition(`it's (1)*.txt`)).toBe("attachment; filename*=UTF-8''it%27s%20%281%29%2A.txt");
    expect(attachmentDisposition('a"; filename=evil.html')).toBe("attachment; filename*=UTF-8''a%22%3B%20filename%3Devil.html");
  });
});

describe('storedFileResponse', () => {
  it('carries the content with its type, length and attachment disposition', () => {
    const response = storedFileResponse(report);

    expect(response.getHeaders()).toEqual({
      type: 'application/pdf',
      length: report.content.length,
      disposition: "attachment; filename*=UTF-8''report.pdf",
    });
    expect(response.getStream().read()).toEqual(report.content);
  });
});

describe('FileDownload', () => {
  class Downloads {
    @FileDownload()
    file(): Promise<StoredFile> {
      return Promise.resolve(report);
    }
  }
  const handler = Object.getOwnPropertyDescriptor(Downloads.prototype, 'file')!.value as object;

  it('forbids browsers to guess another type', () => {
    expect(Reflect.getMetadata(HEADERS_METADATA, handler)).toEqual([{ name: 'X-Content-Type-Options', value: 'nosniff' }]);
  });

  it('turns the stored file the route answers into the download', async () => {
    const [interceptor]: NestInterceptor[] = Reflect.getMetadata(INTERCEPTORS_METADATA, handler);
    const next: CallHandler<StoredFile> = { handle: () => of(report) };

    const sent = await lastValueFrom(await interceptor.intercept({} as ExecutionContext, next));

    expect(sent).toBeInstanceOf(StreamableFile);
    expect((sent as StreamableFile).getHeaders()).toEqual(storedFileResponse(report).getHeaders());
  });
});
