import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { keyIdOf } from './signed-token';

const pemBlock = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/** The Ed25519 public keys of a PEM text (several may follow each other during a key rotation), by key id. */
export function publicKeysFromPem(pem: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const block of pem.match(pemBlock) ?? []) {
    const key = createPublicKey(block);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected Ed25519 public keys, found ${key.asymmetricKeyType}`);
    keys.set(keyIdOf(key), key);
  }
  if (keys.size === 0) throw new Error('no PEM public key found');
  return keys;
}

export interface SigningKey {
  privateKey: KeyObject;
  keyId: string;
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`expected an Ed25519 private key, found ${privateKey.asymmetricKeyType}`);
  }
  return { privateKey, keyId: keyIdOf(createPublicKey(privateKey)) };
}
