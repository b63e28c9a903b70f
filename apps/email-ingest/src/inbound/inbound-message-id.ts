import { createHash } from 'node:crypto';
import type { MailEnvelope } from './parse-inbound-mail';

/** The namespace of Helpgate's name-based inbound message ids (a fixed, random UUID). */
const inboundMessageNamespace = Buffer.from('6f1c2d7e4b9a4e0f8d3a5c7b9e1f2a40', 'hex');

/**
 * The ids of a received message, derived from what was received: the raw message (by its sha256) and the envelope.
 * A sending server that retries after a 4xx sends the same bytes again, so a retry after an attempt Kafka took
 * despite the 4xx (the commit failed after the publish) is the same inbound message with the same event, which
 * consumers recognise, instead of a second mail.
 */
export function inboundIdsFor(
  rawSha256: string,
  envelope: MailEnvelope,
): { inboundMessageId: string; acceptedEventId: string; eventId: string } {
  const inboundMessageId = nameBasedUuid([rawSha256, envelope.mailFrom ?? '', ...envelope.rcptTo].join('\n'));
  return {
    inboundMessageId,
    acceptedEventId: nameBasedUuid(`${inboundMessageId}\nemail.inbound.accepted`),
    eventId: nameBasedUuid(`${inboundMessageId}\nemail.inbound.received`),
  };
}

/** A version 5 (SHA-1, name-based) UUID of `name` in the inbound message namespace (RFC 9562). */
function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(inboundMessageNamespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
