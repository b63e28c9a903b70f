import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';

export interface AttachmentLimits {
  maxCount: number;
  maxTotalBytes: number;
}

/** Refuses more files, or more bytes in all, than a ticket opened through the API or the portal may carry. */
export function requireWithinAttachmentLimits(sizesInBytes: readonly number[], limits: AttachmentLimits): void {
  if (sizesInBytes.length > limits.maxCount) {
    throw new TicketsException(
      TicketsErrorCode.TooManyAttachments,
      `At most ${limits.maxCount} attachments per ticket; ${sizesInBytes.length} were given`,
    );
  }
  const total = sizesInBytes.reduce((sum, size) => sum + size, 0);
  if (total > limits.maxTotalBytes) {
    throw new TicketsException(
      TicketsErrorCode.AttachmentsTooLarge,
      `Attachments may total at most ${megabytes(limits.maxTotalBytes)}; these total ${megabytes(total)} (${total} bytes)`,
    );
  }
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;
}
