import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { sha256Hex } from '@helpgate/platform';
import type { AttachmentLimitsConfig } from '../config';
import { ATTACHMENT_LIMITS } from '../tickets-config.module';
import { requireWithinAttachmentLimits } from './attachment-limits';
import type { GivenAttachment } from './ticket.dto';
import { MessageAttachment } from './ticket-message.entity';
import { UploadedAttachmentsRepository } from './uploaded-attachments.repository';

/** A file given through the API, decoded. */
export interface GivenFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Files given with a message through the API or the portal (a new ticket, a customer's reply): decoded, held to the
 * attachment limits, stored here by their digest (they never pass through email-ingest), described for the message.
 */
@Injectable()
export class GivenFilesService {
  constructor(
    @Inject(ATTACHMENT_LIMITS) private readonly limits: AttachmentLimitsConfig,
    private readonly uploads: UploadedAttachmentsRepository,
  ) {}

  /** Decodes the files and refuses more, or more bytes, than a message may carry; before any work starts. */
  accept(given: readonly GivenAttachment[]): GivenFile[] {
    const files = given.map(({ filename, contentType, contentBase64 }) => ({
      filename,
      contentType,
      content: Buffer.from(contentBase64, 'base64'),
    }));
    requireWithinAttachmentLimits(
      files.map((file) => file.content.length),
      this.limits,
    );
    return files;
  }

  async store(files: readonly GivenFile[], manager: EntityManager): Promise<MessageAttachment[]> {
    const stored: MessageAttachment[] = [];
    for (const file of files) {
      const sha256 = sha256Hex(file.content);
      await this.uploads.store(sha256, file.content, manager);
      stored.push({
        id: sha256,
        filename: file.filename,
        contentType: file.contentType,
        sizeBytes: file.content.length,
        inline: false,
        storage: 'tickets',
      });
    }
    return stored;
  }
}
