import { generateKeyPairSync } from 'node:crypto';
import { publicKeysFromPem, signingKeyFromPem } from './auth-keys';
import { ExpiredTokenError, keyIdOf, signToken, TokenClaims, verifyToken } from './signed-token';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey, privateKey, keyId: keyIdOf(publicKey) };
}

describe('signed tokens', () => {
  const now = 1_800_000_000;
  const claims: TokenClaims = {
    kind: 'agent',
    sub: '3a0d8c55-2f7e-4b7e-9d55-0c1c3b7f6a01',
    role: 'admin',
    iss: 'helpgate-identity',
    iat: now,
    exp: now + 900,
  };
  const signer = keyPair();
  const keys = new Map([[signer.keyId, signer.publicKey]]);

  it('verifies what the private key signed, giving back the claims', () => {
    expect(verifyToken(signToken(claims, signer.privateKey, signer.keyId), keys, now + 10)).toEqual(claims);
  });

  it('refuses an expired token, allowing half a minute of clock difference', () => {
    const token = signToken(claims, signer.privateKey, signer.keyId);
    expect(verifyToken(token, keys, now + 900 + 29)).toEqual(claims);
    expect(() => verifyToken(token, keys, now + 900 + 30)).toThrow(new ExpiredTokenError('token expired'));
    expect(() => verifyToken(token, keys, now + 900 + 30)).toThrow(ExpiredTokenError);
  });

  it('refuses a token signed by another key, even under a known key id', () => {
    const stranger = keyPair();
    expect(() => verifyToken(signToken(claims, stranger.privateKey, stranger.keyId), keys, now)).toThrow(/unknown key/);
    expect(() => verifyToken(signToken(claims, stranger.privateKey, signer.keyId), keys, now)).toThrow(/bad token signature/);
  });

  it('refuses a token whose claims were changed after signing', () => {
    const [header, , signature] = signToken(claims, signer.privateKey, signer.keyId).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin', sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    expect(() => verifyToken(`${header}.${forged}.${signature}`, keys, now)).toThrow(/bad token signature/);
  });

  it('refuses other algorithms and malformed tokens', () => {
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: signer.keyId })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    expect(() => verifyToken(`${none}.${payload}.`, keys, now)).toThrow(/unsupported token header/);
    expect(() => verifyToken('not-a-token', keys, now)).toThrow(/malformed/);
  });
});

describe('key files', () => {
  it('reads several public keys (a rotation) by key id, and the signing key with its id', () => {
    const [first, second] = [keyPair(), keyPair()];
    const pem = [first, second].map(({ publicKey }) => publicKey.export({ type: 'spki', format: 'pem' })).join('');
    expect([...publicKeysFromPem(pem).keys()]).toEqual([first.keyId, second.keyId]);
    expect(signingKeyFromPem(first.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).keyId).toBe(first.keyId);
  });

  it('refuses a text without keys and keys of another type', () => {
    expect(() => publicKeysFromPem('nothing here')).toThrow(/no PEM public key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(() => publicKeysFromPem(rsa)).toThrow(/expected Ed25519/);
  });
});
