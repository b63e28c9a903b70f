// Development keys for access tokens and the first admin's password, made once under the ignored .infra/auth.
// Production sets AUTH_PUBLIC_KEYS_FILE, AUTH_PRIVATE_KEY_FILE and IDENTITY_FIRST_ADMIN_* itself.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const authDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.infra', 'auth');

export function ensureDevelopmentAuth() {
  const privateKeyFile = path.join(authDir, 'token-signing-key.pem');
  const publicKeysFile = path.join(authDir, 'token-public-keys.pem');
  const adminPasswordFile = path.join(authDir, 'first-admin-password');
  mkdirSync(authDir, { recursive: true, mode: 0o700 });
  if (!existsSync(privateKeyFile) || !existsSync(publicKeysFile)) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(publicKeysFile, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  }
  if (!existsSync(adminPasswordFile)) writeFileSync(adminPasswordFile, randomBytes(12).toString('base64url'), { mode: 0o600 });
  return { privateKeyFile, publicKeysFile, adminEmail: 'admin@helpgate.test', adminPassword: readFileSync(adminPasswordFile, 'utf8').trim() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const auth = ensureDevelopmentAuth();
  console.log(`token keys in ${authDir}; first admin ${auth.adminEmail}, password in ${path.join(authDir, 'first-admin-password')}`);
}
