import { ChatErrorCode, ChatException } from '../domain/chat.exception';

export interface FileLimits {
  maxFilesPerMessage: number;
  maxFileBytes: number;
  maxFilesTotalBytes: number;
}

/** Refuses more files, a larger file, or more bytes in all than one message may carry, naming the limit. */
export function requireWithinFileLimits(sizesInBytes: readonly number[], limits: FileLimits): void {
  if (sizesInBytes.length > limits.maxFilesPerMessage) {
    throw new ChatException(
      ChatErrorCode.TooManyFiles,
      `A message carries at most ${limits.maxFilesPerMessage} files; ${sizesInBytes.length} were given`,
    );
  }
  const largest = Math.max(0, ...sizesInBytes);
  if (largest > limits.maxFileBytes) {
    throw new ChatException(
      ChatErrorCode.FileTooLarge,
      `A file holds at most ${megabytes(limits.maxFileBytes)}; one holds ${megabytes(largest)} (${largest} bytes)`,
    );
  }
  const total = sizesInBytes.reduce((sum, size) => sum + size, 0);
  if (total > limits.maxFilesTotalBytes) {
    throw new ChatException(
      ChatErrorCode.FilesTooLarge,
      `The files of a message may total at most ${megabytes(limits.maxFilesTotalBytes)}; these total ${megabytes(total)} (${total} bytes)`,
    );
  }
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;
}
