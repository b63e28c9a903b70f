import { z } from 'zod';
import { inboundIdsFor } from './inbound-message-id';

const sha256 = 'ab'.repeat(32);
const envelope = { mailFrom: 'jane@acme.test', rcptTo: ['support@helpgate.test'] };

describe('inboundIdsFor', () => {
  it('gives the same message, sent again in the same envelope, the same ids', () => {
    expect(inboundIdsFor(sha256, { ...envelope })).toEqual(inboundIdsFor(sha256, envelope));
  });

  it('gives other content or another envelope other ids', () => {
    const ids = inboundIdsFor(sha256, envelope);
    expect(inboundIdsFor('cd'.repeat(32), envelope).inboundMessageId).not.toBe(ids.inboundMessageId);
    expect(inboundIdsFor(sha256, { ...envelope, mailFrom: 'bob@acme.test' }).inboundMessageId).not.toBe(ids.inboundMessageId);
    expect(inboundIdsFor(sha256, { ...envelope, mailFrom: null }).inboundMessageId).not.toBe(ids.inboundMessageId);
    expect(inboundIdsFor(sha256, { ...envelope, rcptTo: ['billing@helpgate.test'] }).inboundMessageId).not.toBe(ids.inboundMessageId);
  });

  it('makes version 5 UUIDs, the two event ids distinct from each other and from the message id', () => {
    const { inboundMessageId, acceptedEventId, eventId } = inboundIdsFor(sha256, envelope);
    for (const id of [inboundMessageId, acceptedEventId, eventId]) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set([inboundMessageId, acceptedEventId, eventId]).size).toBe(3);
  });
});
