import { z } from 'zod';
import { chatFileRefSchema } from '@helpgate/contracts';
import { uploadedFileInput } from '@helpgate/platform';

export const uploadFilesSchema = z.strictObject({
  /** Counted and measured against the settings by the service, which names the limit it refuses. */
  files: z.array(uploadedFileInput).min(1).max(100),
});

export type UploadFilesDto = z.output<typeof uploadFilesSchema>;

export const uploadedFilesSchema = z.object({
  /** In the order given; `contentType` is what chat read from the bytes, not what was declared. */
  files: z.array(chatFileRefSchema),
});

export type UploadedFilesDto = z.output<typeof uploadedFilesSchema>;

export const conversationIdSchema = z.uuid();
export const fileIdSchema = z.uuid();
