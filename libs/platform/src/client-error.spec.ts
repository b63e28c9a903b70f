import { clientErrorOf } from './client-error';

describe('clientErrorOf', () => {
  it('names the limit of a body too large for the parser', () => {
    const error = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
      limit: 1024,
    });
    expect(clientErrorOf(error)).toEqual({ status: 413, message: 'The request body is larger than the 1024 bytes this API accepts' });
  });

  it('passes on other request errors the parser exposes, such as malformed JSON', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(clientErrorOf(error)).toEqual({ status: 400, message: 'Unexpected token } in JSON at position 9' });
  });

  it('leaves everything else to the server error path, never exposing internal messages', () => {
    expect(clientErrorOf(new Error('connection refused'))).toBeNull();
    expect(clientErrorOf(Object.assign(new Error('secret'), { status: 500, expose: false }))).toBeNull();
    expect(clientErrorOf(Object.assign(new Error('hidden'), { status: 404, expose: false }))).toBeNull();
    expect(clientErrorOf('a string')).toBeNull();
  });
});
