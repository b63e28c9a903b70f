import { ArgumentsHost, BadRequestException, NotFoundException, ParseUUIDPipe } from '@nestjs/common';
import { DomainException, ErrorKind } from '@helpgate/errors';
import { z } from 'zod';
import { errorBodySchema, RequestRefusedException } from './error-body';
import { errorBodyOf, HttpExceptionFilter } from './http-exception.filter';
import { ZodValidationPipe } from './zod-validation.pipe';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

async function rejectionOf(action: () => Promise<unknown>): Promise<unknown> {
  return action().then(
    () => {
      throw new Error('nothing was thrown');
    },
    (error: unknown) => error,
  );
}

describe('errorBodyOf', () => {
  it('answers a domain refusal with the status of its kind and its code: 422 for input a rule refuses', () => {
    expect(errorBodyOf(new DomainException('contact.name_required', ErrorKind.Invalid, 'A contact needs a name'))).toEqual({
      statusCode: 422,
      code: 'contact.name_required',
      message: 'A contact needs a name',
    });
    expect(errorBodyOf(new DomainException('auth.token_expired', ErrorKind.Unauthenticated, 'expired'))?.statusCode).toBe(401);
    expect(errorBodyOf(new DomainException('access.link_unusable', ErrorKind.Gone, 'used'))?.statusCode).toBe(410);
  });

  it('answers input its schema refuses with 400 request.invalid_input, naming each failing field', () => {
    const pipe = new ZodValidationPipe(z.object({ name: z.string(), tags: z.array(z.string()).max(1) }));
    expect(errorBodyOf(thrownBy(() => pipe.transform({ tags: ['a', 'b'] })))).toEqual({
      statusCode: 400,
      code: 'request.invalid_input',
      message: 'Invalid request',
      details: [
        { path: 'name', message: expect.stringMatching(/expected string/) },
        { path: 'tags', message: expect.stringMatching(/<=1/) },
      ],
    });
  });

  it("gives Nest's own exceptions the code of their status: its pipes' 400, its router's 404", async () => {
    const notAUuid = await rejectionOf(() => new ParseUUIDPipe().transform('42', { type: 'param', data: 'id' }));
    expect(errorBodyOf(notAUuid)).toEqual({
      statusCode: 400,
      code: 'request.invalid_input',
      message: 'Validation failed (uuid is expected)',
    });
    expect(errorBodyOf(new NotFoundException('Cannot GET /nowhere'))).toEqual({
      statusCode: 404,
      code: 'request.route_not_found',
      message: 'Cannot GET /nowhere',
    });
    expect(errorBodyOf(new BadRequestException({ message: ['a', 'b'] }))?.code).toBe('request.invalid_input');
  });

  it('answers a refused request exactly as given', () => {
    const refused = new RequestRefusedException(413, 'contact_import.too_many_rows', 'Too many rows');
    expect(errorBodyOf(refused)).toEqual({ statusCode: 413, code: 'contact_import.too_many_rows', message: 'Too many rows' });
  });

  it('leaves anything else to the filter as a fault', () => {
    expect(errorBodyOf(new Error('connection refused'))).toBeNull();
    expect(errorBodyOf(undefined)).toBeNull();
  });
});

describe('HttpExceptionFilter', () => {
  function hostAnswering(): { host: ArgumentsHost; answer: { status?: number; body?: unknown; headers?: Record<string, string> } } {
    const answer: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
    const response = {
      setHeader(name: string, value: string) {
        answer.headers = { ...answer.headers, [name]: value };
      },
      status(status: number) {
        answer.status = status;
        return response;
      },
      json(body: unknown) {
        answer.body = body;
      },
    };
    const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
    return { host, answer };
  }

  it('answers every error with the one body shape, a fault as a 500 that says nothing more', () => {
    const filter = new HttpExceptionFilter();
    jest.spyOn(filter['logger'], 'error').mockImplementation(() => undefined);
    for (const exception of [
      new DomainException('ticket.closed', ErrorKind.Conflict, 'The ticket is closed'),
      new NotFoundException(),
      new Error('password=hunter2 leaked in a driver message'),
    ]) {
      const { host, answer } = hostAnswering();
      filter.catch(exception, host);
      expect(errorBodySchema.strict().parse(answer.body)).toEqual(answer.body);
      expect((answer.body as { statusCode: number }).statusCode).toBe(answer.status);
    }
    const { host, answer } = hostAnswering();
    filter.catch(new Error('password=hunter2'), host);
    expect(answer).toEqual({ status: 500, body: { statusCode: 500, code: 'server.internal_error', message: 'Internal server error' } });
  });

  it('answers a refusal for trying too often with 429 and Retry-After in whole seconds', () => {
    const { host, answer } = hostAnswering();
    new HttpExceptionFilter().catch(
      new DomainException('auth.too_many_attempts', ErrorKind.TooManyRequests, 'Try again later', { retryAfterSeconds: 41.2 }),
      host,
    );
    expect(answer).toEqual({
      status: 429,
      headers: { 'Retry-After': '42' },
      body: { statusCode: 429, code: 'auth.too_many_attempts', message: 'Try again later' },
    });
  });
});
