import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyIdOf, signToken, TokenClaims } from '@helpgate/auth';

/** One Ed25519 key pair per test process, as files the services read like their production settings. */
const testKeys = (() => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const suffix = `${process.pid}-${randomUUID()}`;
  const publicKeysFile = join(tmpdir(), `helpgate-test-token-public-${suffix}.pem`);
  const privateKeyFile = join(tmpdir(), `helpgate-test-token-private-${suffix}.pem`);
  writeFileSync(publicKeysFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return { publicKeysFile, privateKeyFile, privateKey, keyId: keyIdOf(publicKey) };
})();

/** The settings that make a service accept this process's test tokens (and identity sign with the same key). */
export const testAuthEnv: NodeJS.ProcessEnv = {
  AUTH_PUBLIC_KEYS_FILE: testKeys.publicKeysFile,
  AUTH_PRIVATE_KEY_FILE: testKeys.privateKeyFile,
};

type Claims<Kind extends TokenClaims['kind']> = Omit<Extract<TokenClaims, { kind: Kind }>, 'kind' | 'iss' | 'iat' | 'exp'>;

function testToken(
  claims: (Claims<'agent'> & { kind: 'agent' }) | (Claims<'contact'> & { kind: 'contact' }),
  lifetimeSeconds = 600,
): string {
  const now = Math.floor(Date.now() / 1000);
  return signToken(
    { ...claims, iss: 'helpgate-identity', iat: now, exp: now + lifetimeSeconds } as TokenClaims,
    testKeys.privateKey,
    testKeys.keyId,
  );
}

/** A token as identity would sign it for an agent: tests act as an admin unless they say otherwise. */
export function agentToken(role: 'admin' | 'agent' = 'admin', agentId: string = randomUUID()): string {
  return testToken({ kind: 'agent', sub: agentId, role });
}

/** An agent's token that expires in a few seconds, for what happens to a connection when it does. */
export function shortLivedAgentToken(agentId: string, lifetimeSeconds: number): string {
  return testToken({ kind: 'agent', sub: agentId, role: 'agent' }, lifetimeSeconds);
}

export function contactToken(contactId: string, primaryOf: string[] = []): string {
  return testToken({ kind: 'contact', sub: contactId, primaryOf });
}

/** Headers of a request made as an admin agent, merged under the caller's own. */
export function withAdminToken(headers: RequestInit['headers']): Headers {
  const merged = new Headers(headers);
  if (!merged.has('authorization')) merged.set('authorization', `Bearer ${agentToken()}`);
  return merged;
}
