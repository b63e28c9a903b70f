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
