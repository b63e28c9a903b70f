import { ConfigError } from '@helpgate/config';
import { readTlsCredentials } from './tls-credentials';

const files = { keyFile: '/etc/helpgate/smtp.key', certFile: '/etc/helpgate/smtp.crt' };

function missing(path: string): never {
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
}

describe('readTlsCredentials', () => {
  it('stops start-up naming SMTP_TLS_KEY_FILE and its path when the key file cannot be read', () => {
    expect(() => readTlsCredentials(files, missing)).toThrow(ConfigError);
    expect(() => readTlsCredentials(files, missing)).toThrow('SMTP_TLS_KEY_FILE: cannot read /etc/helpgate/smtp.key (ENOENT)');
  });

  it('names SMTP_TLS_CERT_FILE when only the certificate cannot be read', () => {
    const readFile = (path: string) => {
      if (path === files.certFile) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return Buffer.from('key');
    };
    expect(() => readTlsCredentials(files, readFile)).toThrow('SMTP_TLS_CERT_FILE: cannot read /etc/helpgate/smtp.crt (EACCES)');
  });

  it('names both settings when the files are readable but are no key and certificate', () => {
    expect(() => readTlsCredentials(files, () => Buffer.from('not PEM'))).toThrow(
      /SMTP_TLS_KEY_FILE, SMTP_TLS_CERT_FILE: not a PEM private key/,
    );
  });
});
