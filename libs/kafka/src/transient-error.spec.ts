import { runInNewContext } from 'node:vm';
import { isTransientError } from './transient-error';

function withCode(code: string, message = 'failure'): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a Postgres shutdown', withCode('57P01')],
    ['a connection exception class', withCode('08006')],
    ['a serialization failure', withCode('40001')],
    ['a dropped pg connection', new Error('Connection terminated unexpectedly')],
    ['a kafkajs connection error', Object.assign(new Error('broker gone'), { name: 'KafkaJSConnectionError' })],
  ])('treats %s as transient', (_label, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it("recognises an error from another realm, as Node's own errors are inside a test runner's sandbox", () => {
    const foreign: unknown = runInNewContext("Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })");
    expect(foreign instanceof Error).toBe(false);
    expect(isTransientError(foreign)).toBe(true);
  });

  it('looks through TypeORM driver errors and causes', () => {
    const typeormError = Object.assign(new Error('query failed'), { driverError: withCode('57P03') });
    expect(isTransientError(typeormError)).toBe(true);
    expect(isTransientError(new Error('wrapped', { cause: withCode('ECONNRESET') }))).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['a non-error value', 'oops'],
  ])('treats %s as permanent', (_label, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
