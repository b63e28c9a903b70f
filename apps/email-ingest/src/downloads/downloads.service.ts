import { Injectable } from '@nestjs/common';
import { domainExceptionFor, ErrorKind } from '@helpgate/errors';
import type { StoredFile } from '@helpgate/platform';
import { DownloadsRepository } from './downloads.repository';

export enum DownloadErrorCode {
  NotFound = 'download.not_found',
}

export class DownloadException extends domainExceptionFor({ [DownloadErrorCode.NotFound]: ErrorKind.NotFound }) {}

/** Attachments and raw messages as they were received, for agents and the other services. */
@Injectable()
export class DownloadsService {
  constructor(private readonly downloads: DownloadsRepository) {}

  async attachment(sha256: string): Promise<StoredFile> {
    const attachment = await this.downloads.findAttachment(sha256);
    if (!attachment) throw new DownloadException(DownloadErrorCode.NotFound, `No attachment ${sha256}`);
    return { content: attachment.content, contentType: attachment.contentType, filename: attachment.filename };
  }

  async rawMessage(inboundMessageId: string): Promise<StoredFile> {
    const raw = await this.downloads.findRawMessageOf(inboundMessageId);
    if (!raw) throw new DownloadException(DownloadErrorCode.NotFound, `No message ${inboundMessageId}`);
    return { content: raw.content, contentType: 'message/rfc822', filename: `${inboundMessageId}.eml` };
  }
}
