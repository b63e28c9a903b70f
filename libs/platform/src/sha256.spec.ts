import { sha256Hex, sha256HexSchema } from './sha256';

describe('sha256Hex', () => {
  it('is the SHA-256 digest in lower-case hex, of bytes and of text as UTF-8 alike', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(Buffer.from('abc'))).toBe(sha256Hex('abc'));
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from([0xc3, 0xa9])));
  });
});

describe('sha256HexSchema', () => {
  it('takes a digest as sha256Hex writes it and nothing else', () => {
    expect(sha256HexSchema.safeParse(sha256Hex('abc')).success).toBe(true);
    expect(sha256HexSchema.safeParse(sha256Hex('abc').toUpperCase()).success).toBe(false);
    expect(sha256HexSchema.safeParse(sha256Hex('abc').slice(1)).success).toBe(false);
    expect(sha256HexSchema.safeParse(`${sha256Hex('abc')}0`).success).toBe(false);
  });
});
