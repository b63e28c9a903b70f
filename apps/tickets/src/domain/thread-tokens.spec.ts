import { ThreadTokens } from './thread-tokens';

const ticketId = '3f2b8c1e-9d4a-4b6e-8f00-1a2b3c4d5e6f';

describe('ThreadTokens', () => {
  const tokens = new ThreadTokens('a-secret-long-enough-for-tests-0001');

  it('makes unique Message-IDs that lead back to their ticket', () => {
    const first = tokens.messageIdFor(ticketId, 'helpgate.test');
    const second = tokens.messageIdFor(ticketId, 'helpgate.test');
    expect(first).not.toBe(second);
    expect(first).toMatch(/^<hg\.[0-9a-f]{32}\.[0-9a-f]{12}\.[0-9a-f]{20}@helpgate\.test>$/);
    expect(tokens.ticketOfMessageId(first)).toBe(ticketId);
  });

  it('makes a reply address on the support address that leads back to its ticket', () => {
    const address = tokens.replyAddressFor(ticketId, 'support@helpgate.test');
    expect(address).toMatch(/^support\+t[0-9a-f]{32}\.[0-9a-f]{20}@helpgate\.test$/);
    expect(tokens.ticketOfReplyAddress(address)).toBe(ticketId);
    expect(tokens.ticketOfReplyAddress(address.toUpperCase())).toBe(ticketId);
  });

  it('rejects forged or altered references', () => {
    const messageId = tokens.messageIdFor(ticketId, 'helpgate.test');
    const otherTicket = messageId.replace('3f2b8c1e', '3f2b8c1f');
    expect(tokens.ticketOfMessageId(otherTicket)).toBeNull();
    expect(new ThreadTokens('another-secret-entirely-0000000000').ticketOfMessageId(messageId)).toBeNull();
    expect(tokens.ticketOfReplyAddress('support+t3f2b8c1e9d4a4b6e8f001a2b3c4d5e6f.00000000000000000000@helpgate.test')).toBeNull();
  });

  it('ignores ids and addresses of other shapes', () => {
    expect(tokens.ticketOfMessageId('<abc@acme.test>')).toBeNull();
    expect(tokens.ticketOfReplyAddress('support@helpgate.test')).toBeNull();
  });
});
