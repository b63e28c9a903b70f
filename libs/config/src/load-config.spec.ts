import { z } from 'zod';
import { ConfigError, loadConfig } from './load-config';
import { commonSettingsShape, listSetting, toCommonConfig } from './settings';

const schema = z
  .object({ ...commonSettingsShape({ service: 'email-ingest', httpPort: 3001 }) })
  .transform((env) => toCommonConfig('email-ingest', env));

describe('loadConfig', () => {
  it('applies the defaults when nothing is set', () => {
    const config = loadConfig(schema, {});
    expect(config.http.port).toBe(3001);
    expect(config.database.name).toBe('helpgate_email_ingest');
    expect(config.kafka.brokers).toEqual(['127.0.0.1:9092']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { HTTP_PORT: '' }).http.port).toBe(3001);
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
  });

  it('splits and validates comma-separated lists', () => {
    const list = z.object({ ITEMS: listSetting(z.email(), 'a@b.test') });
    expect(loadConfig(list, { ITEMS: ' x@y.test , z@w.test ' }).ITEMS).toEqual(['x@y.test', 'z@w.test']);
    expect(() => loadConfig(list, { ITEMS: 'x@y.test,not-an-address' })).toThrow(/ITEMS/);
  });
});
