import type { ChatFileRef } from '@helpgate/contracts';
import type { MessageAttachment } from '../tickets/ticket-message.entity';

/** A conversation's files as attachments of its ticket: chat keeps them and serves them at `<chat>/files/:id`. */
export function chatAttachments(files: readonly ChatFileRef[], chatPublicUrl: string): MessageAttachment[] {
  return files.map((file) => ({
    id: file.id,
    filename: file.filename,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    inline: false,
    storage: 'chat',
    sha256: file.sha256,
    downloadUrl: `${chatPublicUrl}/files/${encodeURIComponent(file.id)}`,
  }));
}
