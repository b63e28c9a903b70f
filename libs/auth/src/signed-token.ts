import { createHash, KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';

/**
 * Compact JWS tokens signed with Ed25519 (`alg: EdDSA`): identity signs with its private key, every
 * service verifies with the public keys it was given, so no service calls identity to check a token.
 */
const tokenHeaderSchema = z.object({ alg: z.literal('EdDSA'), typ: z.literal('JWT'), kid: z.string().min(1) });

export const tokenClaimsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('agent'),
    sub: z.uuid(),
    role: z.enum(['admin', 'agent']),
    iss: z.literal('helpgate-identity'),
    iat: z.number().int(),
    exp: z.number().int(),
  }),
  z.object({
    kind: z.literal('contact'),
    sub: z.uuid(),
    /** Organizations whose tickets this contact may see as one of their primary contacts. */
    primaryOf: z.array(z.uuid()),
    iss: z.literal('helpgate-identity'),
    iat: z.number().int(),
    exp: z.number().int(),
  }),
]);

export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export class InvalidTokenError extends Error {
  override readonly name: string = 'InvalidTokenError';
}

/** A token that was valid until its expiry: the caller signs in again. */
export class ExpiredTokenError extends InvalidTokenError {
  override readonly name = 'ExpiredTokenError';
}

/** Tolerated clock difference between the signing and the verifying machine. */
const clockSkewSeconds = 30;

/** A key's id: a digest of its public part, so a verifier picks the right key after a rotation. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}

export function signToken(claims: TokenClaims, privateKey: KeyObject, keyId: string): string {
  const header = encodePart({ alg: 'EdDSA', typ: 'JWT', kid: keyId });
  const payload = encodePart(claims);
  const signature = sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The claims of a valid, unexpired token signed by one of `publicKeys` (by key id); else `InvalidTokenError`. */
export function verifyToken(token: string, publicKeys: ReadonlyMap<string, KeyObject>, nowSeconds: number): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('malformed token');
  const [header, payload, signature] = parts as [string, string, string];
  const parsedHeader = tokenHeaderSchema.safeParse(decodePart(header));
  if (!parsedHeader.success) throw new InvalidTokenError('unsupported token header');
  const key = publicKeys.get(parsedHeader.data.kid);
  if (!key) throw new InvalidTokenError('token signed by an unknown key');
  if (!verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) {
    throw new InvalidTokenError('bad token signature');
  }
  const claims = tokenClaimsSchema.safeParse(decodePart(payload));
  if (!claims.success) throw new InvalidTokenError('unexpected token claims');
  if (claims.data.exp + clockSkewSeconds <= nowSeconds) throw new ExpiredTokenError('token expired');
  if (claims.data.iat - clockSkewSeconds > nowSeconds) throw new InvalidTokenError('token issued in the future');
  return claims.data;
}

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
