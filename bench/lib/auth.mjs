// The key pair of a benchmark run, as the files the services read (AUTH_PUBLIC_KEYS_FILE for every
// service, AUTH_PRIVATE_KEY_FILE for identity), and admin tokens signed with it by libs/auth's signToken.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTokenSigning } from './compiled-libs.mjs';
import { workDir } from './paths.mjs';

let keys;

function runKeys() {
  if (keys) return keys;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const dir = path.join(workDir, 'auth');
  mkdirSync(dir, { recursive: true });
  const publicKeysFile = path.join(dir, `public-${process.pid}.pem`);
  const privateKeyFile = path.join(dir, `private-${process.pid}.pem`);
  writeFileSync(publicKeysFile, publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  keys = { publicKeysFile, privateKeyFile, privateKey, keyId: loadTokenSigning().keyIdOf(publicKey) };
  return keys;
}

export function authEnv() {
  const { publicKeysFile, privateKeyFile } = runKeys();
  return { AUTH_PUBLIC_KEYS_FILE: publicKeysFile, AUTH_PRIVATE_KEY_FILE: privateKeyFile };
}

/** A token of an agent (chat's /agent namespace takes it as `auth.token`), valid for fifteen minutes. */
export function agentBearerToken(agentId, role = 'agent') {
  const now = Math.floor(Date.now() / 1000);
  const { privateKey, keyId } = runKeys();
  const claims = { kind: 'agent', sub: agentId, role, iss: 'helpgate-identity', iat: now, exp: now + 900 };
  return loadTokenSigning().signToken(claims, privateKey, keyId);
}

let adminToken;

/** A token of an admin agent, as identity would sign it; renewed well before it expires. */
export function adminBearerToken() {
  const now = Math.floor(Date.now() / 1000);
  if (!adminToken || adminToken.renewAt <= now) {
    adminToken = { value: agentBearerToken(randomUUID(), 'admin'), renewAt: now + 600 };
  }
  return adminToken.value;
}
