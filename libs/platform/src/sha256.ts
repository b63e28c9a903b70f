import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The SHA-256 digest of the content (a string as UTF-8) in lower-case hex: how stored files and secrets are named. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A `sha256Hex` digest given in a request, e.g. the file a download names. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in lower-case hex');
