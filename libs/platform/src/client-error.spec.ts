import { clientErrorOf } from './client-error';

describe('clientErrorOf', () => {
  it('names the limit of a body too large for the parser', () => {
    const error = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
      limit: 1024,
    });
    expect(clientErrorOf(error)).toEqual({
      statusCode: 413,
      code: 'request.body_too_large',
      message: 'The request body is larger than the 1024 bytes this API accepts',
    });
  });

  it('passes on other request errors the parser exposes, such as malformed JSON, with their code', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    expect(clientErrorOf(error)).toEqual({
      statusCode: 400,
      code: 'request.malformed_body',
      message: 'Unexpected token } in JSON at position 9',
    });
    const charset = Object.assign(new Error('unsupported charset "KOI9"'), { status: 415, expose: true, type: 'charset.unsupported' });
    expect(clientErrorOf(charset)).toMatchObject({ statusCode: 415, code: 'request.unsupported_media_type' });
  });

  it('gives an error type it does not know the code of its status', () => {
    const future = Object.assign(new Error('a parser error of a later version'), { status: 400, expose: true, type: 'entity.new' });
    expect(clientErrorOf(future)).toEqual({ statusCode: 400, code: 'request.invalid_input', message: 'a parser error of a later version' });
    const length = Object.assign(new Error('request size did not match content length'), { status: 411, expose: true });
    expect(clientErrorOf(length)).toMatchObject({ statusCode: 411, code: 'request.length_required' });
  });

  it('leaves everything else to the server error path, never exposing internal messages', () => {
    expect(clientErrorOf(new Error('connection refused'))).toBeNull();
    expect(clientErrorOf(Object.assign(new Error('secret'), { status: 500, expose: false }))).toBeNull();
    expect(clientErrorOf(Object.assign(new Error('hidden'), { status: 404, expose: false }))).toBeNull();
    expect(clientErrorOf('a string')).toBeNull();
  });
});
