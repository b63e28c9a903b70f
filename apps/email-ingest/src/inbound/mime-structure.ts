import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { Splitter } from '@zone-eu/mailsplit';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';

export const mimeLimits = {
  /** Header bytes of one part (mailsplit counts each line as at least 64 bytes). */
  maxHeaderBytes: 256 * 1024,
  maxParts: 500,
  maxDepth: 20,
};

interface SplitterNode {
  type: string;
  parentNode?: SplitterNode | false;
}

/**
 * Walks the MIME tree without decoding anything and rejects messages built to exhaust a parser:
 * too many parts, parts nested too deep, or oversized headers. It runs before mailparser reads an accepted
 * message; a rejected one is held in quarantine with this reason.
 */
export async function checkMimeStructure(raw: Buffer, limits = mimeLimits): Promise<void> {
  let parts = 0;
  const splitter = new Splitter({ maxHeadSize: limits.maxHeaderBytes, maxChildNodes: limits.maxParts, ignoreEmbedded: true });
  const counter = new Writable({
    objectMode: true,
    write(chunk: SplitterNode, _encoding, done) {
      if (chunk.type !== 'node') return done();
      parts += 1;
      if (parts > limits.maxParts) return done(malformed(`more than ${limits.maxParts} MIME parts`));
      if (depthOf(chunk) > limits.maxDepth) return done(malformed(`MIME parts nested deeper than ${limits.maxDepth}`));
      done();
    },
  });
  try {
    await pipeline(Readable.from([raw]), splitter as unknown as NodeJS.ReadWriteStream, counter);
  } catch (error) {
    if (error instanceof IngestException) throw error;
    throw malformed(`unreadable MIME structure: ${(error as Error).message}`, error);
  }
}

function depthOf(node: SplitterNode): number {
  let depth = 0;
  for (let parent = node.parentNode; parent; parent = parent.parentNode) depth += 1;
  return depth;
}

function malformed(reason: string, cause?: unknown): IngestException {
  return new IngestException(IngestErrorCode.MalformedMessage, `Malformed MIME: ${reason}`, { cause });
}
