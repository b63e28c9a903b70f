import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import { ResponseContent, ZodValidationPipe } from '@helpgate/platform';
import { Download, DownloadsService } from './downloads.service';

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lower-case hex');

@Controller()
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Get('attachments/:id')
  @ResponseContent('application/octet-stream')
  @Header('X-Content-Type-Options', 'nosniff')
  async attachment(@Param('id', new ZodValidationPipe(sha256Schema)) id: string): Promise<StreamableFile> {
    return asFile(await this.downloads.attachment(id));
  }

  @Get('inbound-messages/:id/raw')
  @ResponseContent('message/rfc822')
  @Header('X-Content-Type-Options', 'nosniff')
  async rawMessage(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return asFile(await this.downloads.rawMessage(id));
  }
}

/** Always a download, never rendered: an HTML or SVG attachment must not run in the agent's browser. */
function asFile({ content, contentType, filename }: Download): StreamableFile {
  return new StreamableFile(content, {
    type: contentType,
    length: content.length,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
  });
}
