import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { ConfigError } from '@helpgate/config';

export interface TlsFiles {
  keyFile: string;
  certFile: string;
}

export interface TlsCredentials {
  key: Buffer;
  cert: Buffer;
}

/**
 * Reads the STARTTLS key and certificate once, at start-up: a missing, unreadable or mismatched file
 * stops the service with the setting named, instead of failing every client's STARTTLS later.
 */
export function readTlsCredentials(files: TlsFiles, readFile: (path: string) => Buffer = (path) => readFileSync(path)): TlsCredentials {
  const key = readSetting('SMTP_TLS_KEY_FILE', files.keyFile, readFile);
  const cert = readSetting('SMTP_TLS_CERT_FILE', files.certFile, readFile);
  try {
    createSecureContext({ key, cert });
  } catch (error) {
    throw new ConfigError([
      `SMTP_TLS_KEY_FILE, SMTP_TLS_CERT_FILE: not a PEM private key and a certificate that belong together (${reasonOf(error)})`,
    ]);
  }
  return { key, cert };
}

function readSetting(setting: string, path: string, readFile: (path: string) => Buffer): Buffer {
  try {
    return readFile(path);
  } catch (error) {
    throw new ConfigError([`${setting}: cannot read ${path} (${reasonOf(error)})`]);
  }
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}
