import { sha256Hex } from '@helpgate/platform';
import { acceptedBeforeErasure, erasedAddressKey, normalizedAddress } from './erased-address';

describe('erased addresses', () => {
  it('compares addresses trimmed and in lower case', () => {
    expect(normalizedAddress('  Jane.Doe@ACME.test ')).toBe('jane.doe@acme.test');
  });

  it('remembers an address by the digest of its normalized form, never the address', () => {
    const key = erasedAddressKey('Jane.Doe@Acme.test');
    expect(key).toBe(sha256Hex('jane.doe@acme.test'));
    expect(key).toBe(erasedAddressKey('jane.doe@acme.test '));
    expect(key).not.toContain('jane');
  });

  it('counts mail accepted up to the erasure as the erased person’s, and mail accepted after it as a newcomer’s', () => {
    const erasedAt = new Date('2026-01-01T12:00:00Z');
    expect(acceptedBeforeErasure(new Date('2026-01-01T11:59:59Z'), erasedAt)).toBe(true);
    expect(acceptedBeforeErasure(erasedAt, erasedAt)).toBe(true);
    expect(acceptedBeforeErasure(new Date('2026-01-01T12:00:01Z'), erasedAt)).toBe(false);
  });
});
