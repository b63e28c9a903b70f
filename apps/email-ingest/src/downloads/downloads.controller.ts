import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { FileDownload, sha256HexSchema, StoredFile, ZodValidationPipe } from '@helpgate/platform';
import { DownloadsService } from './downloads.service';

@Controller()
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Get('attachments/:id')
  @FileDownload()
  attachment(@Param('id', new ZodValidationPipe(sha256HexSchema)) id: string): Promise<StoredFile> {
    return this.downloads.attachment(id);
  }

  @Get('inbound-messages/:id/raw')
  @FileDownload('message/rfc822')
  rawMessage(@Param('id', ParseUUIDPipe) id: string): Promise<StoredFile> {
    return this.downloads.rawMessage(id);
  }
}
