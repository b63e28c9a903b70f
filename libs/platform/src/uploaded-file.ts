import { z } from 'zod';

/**
 * A file given in a JSON body, the one way every service takes uploads (tickets' API and portal, chat): its name, the
 * type its sender declares, and its bytes base64-encoded. Counted and measured against the service's settings by the
 * service, which names the limit it refuses.
 */
export const uploadedFileInput = z.strictObject({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[^\p{Cc}/\\]+$/u, 'may not contain control characters or path separators'),
  contentType: z
    .string()
    .trim()
    .toLowerCase()
    .max(255)
    .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/, 'must be a media type such as application/pdf')
    .default('application/octet-stream'),
  /** The file, base64-encoded. */
  contentBase64: z.base64(),
});

export type UploadedFileInput = z.output<typeof uploadedFileInput>;
