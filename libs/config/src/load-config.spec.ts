import { z } from 'zod';
import { testAuthEnv } from '../../../test/support/auth';
import { ConfigError, loadConfig } from './load-config';
import { commonSettingsShape, listSetting, optionalListSetting, toCommonConfig } from './settings';

const schema = z
  .object({ ...commonSettingsShape({ service: 'email-ingest', httpPort: 3001 }) })
  .transform((env) => toCommonConfig('email-ingest', env));

describe('loadConfig', () => {
  it('applies the defaults when nothing is set', () => {
    const config = loadConfig(schema, testAuthEnv);
    expect(config.http.port).toBe(3001);
    expect(config.database.name).toBe('helpgate_email_ingest');
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
  });

  it('reads the origins allowed to call from a browser as origins, none by default', () => {
    expect(loadConfig(schema, testAuthEnv).http.allowedOrigins).toEqual([]);
    const env = { ...testAuthEnv, HTTP_ALLOWED_ORIGINS: 'http://127.0.0.1:3004, https://Help.Example.com/' };
    expect(loadConfig(schema, env).http.allowedOrigins).toEqual(['http://127.0.0.1:3004', 'https://help.example.com']);
    expect(() => loadConfig(schema, { ...testAuthEnv, HTTP_ALLOWED_ORIGINS: '*' })).toThrow(/HTTP_ALLOWED_ORIGINS/);
    expect(() => loadConfig(schema, { ...testAuthEnv, HTTP_ALLOWED_ORIGINS: 'https://help.example.com/panel' })).toThrow(
      /HTTP_ALLOWED_ORIGINS/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { ...testAuthEnv, HTTP_PORT: '' }).http.port).toBe(3001);
  });

  it('names every bad setting', () => {
    let error: unknown;
    try {
      loadConfig(schema, { HTTP_PORT: 'eighty', KAFKA_BROKERS: 'nohost', DATABASE_NAME: 'Bad-Name' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('HTTP_PORT');
    expect(message).toContain('KAFKA_BROKERS');
    expect(message).toContain('DATABASE_NAME');
    expect(message).toContain('AUTH_PUBLIC_KEYS_FILE: is required');
  });

  it('reads the token public keys from their file, and names the file when it cannot', () => {
    expect(loadConfig(schema, testAuthEnv).auth.publicKeys.size).toBe(1);
    expect(() => loadConfig(schema, { AUTH_PUBLIC_KEYS_FILE: '/nonexistent.pem' })).toThrow(
      /AUTH_PUBLIC_KEYS_FILE: cannot read the public keys that sign access tokens from \/nonexistent.pem/,
    );
  });

  it('splits and validates comma-separated lists', () => {
    const list = z.object({ ITEMS: listSetting(z.email(), 'a@b.test') });
    expect(loadConfig(list, { ITEMS: ' x@y.test , z@w.test ' }).ITEMS).toEqual(['x@y.test', 'z@w.test']);
    expect(() => loadConfig(list, { ITEMS: 'x@y.test,not-an-address' })).toThrow(/ITEMS/);
  });

  it('reads an optional list as empty when unset, and validates its items when set', () => {
    const list = z.object({ ITEMS: optionalListSetting(z.email()) });
    expect(loadConfig(list, {}).ITEMS).toEqual([]);
    expect(loadConfig(list, { ITEMS: ' , ' }).ITEMS).toEqual([]);
    expect(loadConfig(list, { ITEMS: 'x@y.test' }).ITEMS).toEqual(['x@y.test']);
    expect(() => loadConfig(list, { ITEMS: 'not-an-address' })).toThrow(/ITEMS/);
  });
});
