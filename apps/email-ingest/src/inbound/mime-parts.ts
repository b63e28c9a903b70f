import { Readable } from 'node:stream';
import { AttachmentStream, HeaderValue, MailParser, MessageText } from 'mailparser';
import type { AttachmentRef } from '@helpgate/contracts';
import { sha256Hex } from '@helpgate/platform';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';

export const mimeLimits = {
  /** Header bytes of one part (mailsplit counts each line as at least 64 bytes). */
  maxHeaderBytes: 256 * 1024,
  maxParts: 500,
  maxDepth: 20,
};

export const maxAttachments = 100;

export interface ParsedAttachment extends AttachmentRef {
  content: Buffer;
}

/** What mailparser reads from a message: its top-level headers, its text and HTML bodies and its other parts. */
export interface MimeParts {
  headers: Map<string, HeaderValue>;
  text: string;
  html?: string;
  attachments: ParsedAttachment[];
}

/** A node of mailparser's MIME splitter (mailsplit), as far as the structure limits look at it. */
interface SplitterNode {
  type: string;
  parentNode?: SplitterNode | false;
  /** Set on a `message/rfc822` part whose content mailsplit splits into parts of their own (an inline embedded message). */
  messageNode?: boolean;
}

type ChunkProcessor = (data: SplitterNode, done: (error?: Error) => void) => void;

/** mailparser's own splitter and the step that reads each of its nodes: not in its typings, so named here once. */
interface MailParserInternals {
  splitter: NodeJS.EventEmitter;
  processChunk: ChunkProcessor;
}

/**
 * Reads a raw message in one pass of mailsplit, the MIME splitter inside mailparser: every node the splitter yields is
 * first held against the structure limits (too many parts, parts nested too deep; mailsplit itself refuses oversized
 * headers and more parts than the limit), then read by mailparser. A message built to exhaust a parser is refused at
 * the first node past a limit, before mailparser decodes it; it is held in quarantine with this reason. As the
 * separate structure pass this replaces did (mailsplit's `ignoreEmbedded`), the parts of an inline embedded message
 * are not counted against the part and depth limits.
 */
export function readMimeParts(raw: Buffer, limits = mimeLimits): Promise<MimeParts> {
  const parser = new MailParser({
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    keepDeliveryStatus: true,
    maxHtmlLengthToParse: 5 * 1024 * 1024,
    maxHeadSize: limits.maxHeaderBytes,
    maxChildNodes: limits.maxParts,
  } as ConstructorParameters<typeof MailParser>[0]);
  const internals = parser as unknown as MailParserInternals;
  let splitterError: Error | undefined;
  // Before mailparser's own listener, which reports the error on at once: so the error is known for the splitter's.
  internals.splitter.prependOnceListener('error', (error: Error) => (splitterError = error));
  internals.processChunk = withStructureLimits(internals.processChunk.bind(parser), limits);

  const parts: MimeParts = { headers: new Map(), text: '', attachments: [] };
  const done = new Promise<MimeParts>((resolve, reject) => {
    parser.on('headers', (headers: Map<string, HeaderValue>) => (parts.headers = headers));
    parser.on('data', (data: AttachmentStream | MessageText) => {
      if (data.type === 'text') {
        parts.text = data.text ?? '';
        if (typeof data.html === 'string') parts.html = data.html;
        return;
      }
      collectAttachment(data, parts.attachments).catch(reject);
    });
    parser.on('error', (error: Error) => {
      if (error instanceof IngestException) return reject(error);
      if (error === splitterError) return reject(malformed(`unreadable MIME structure: ${error.message}`, error));
      reject(new IngestException(IngestErrorCode.MalformedMessage, 'Message could not be parsed', { cause: error }));
    });
    parser.on('end', () => resolve(parts));
  });
  Readable.from([raw]).pipe(parser);
  return done;
}

/** mailparser's reading of each splitter chunk, refusing the first node past the part or depth limit. */
function withStructureLimits(processChunk: ChunkProcessor, limits: typeof mimeLimits): ChunkProcessor {
  let parts = 0;
  return (data, done) => {
    if (data.type !== 'node' || isEmbedded(data)) return processChunk(data, done);
    parts += 1;
    if (parts > limits.maxParts) return done(malformed(`more than ${limits.maxParts} MIME parts`));
    if (depthOf(data) > limits.maxDepth) return done(malformed(`MIME parts nested deeper than ${limits.maxDepth}`));
    processChunk(data, done);
  };
}

function isEmbedded(node: SplitterNode): boolean {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) if (parent.messageNode) return true;
  return false;
}

function depthOf(node: SplitterNode): number {
  let depth = 0;
  for (let parent = node.parentNode; parent; parent = parent.parentNode) depth += 1;
  return depth;
}

async function collectAttachment(attachment: AttachmentStream, into: ParsedAttachment[]): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of attachment.content) chunks.push(chunk as Buffer);
  attachment.release?.();
  if (into.length >= maxAttachments) return;
  const content = Buffer.concat(chunks);
  into.push({
    id: sha256Hex(content),
    filename: (attachment.filename ?? 'attachment').slice(0, 255),
    contentType: attachment.contentType.slice(0, 255),
    sizeBytes: content.length,
    inline: attachment.contentDisposition === 'inline' || Boolean(attachment.related),
    ...(attachment.contentId ? { contentId: attachment.contentId.slice(0, 998) } : {}),
    content,
  });
}

function malformed(reason: string, cause?: unknown): IngestException {
  return new IngestException(IngestErrorCode.MalformedMessage, `Malformed MIME: ${reason}`, { cause });
}
