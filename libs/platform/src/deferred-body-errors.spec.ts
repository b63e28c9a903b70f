import type { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { of } from 'rxjs';
import { BodyErrorInterceptor, deferringErrors } from './deferred-body-errors';

const httpContext = (request: object) => ({ getType: () => 'http', switchToHttp: () => ({ getRequest: () => request }) }) as unknown as ExecutionContext;
const handler: CallHandler = { handle: () => of('handled') };

describe('deferred body errors', () => {
  it('lets a request whose body the parser refused go on, keeping the refusal for after the guards', () => {
    const refusal = Object.assign(new Error('Unexpected token'), { status: 400, expose: true, type: 'entity.parse.failed' });
    const failingParser: RequestHandler = (_request, _response, next) => next(refusal);
    const request = {} as Request;
    const passedOn: unknown[][] = [];
    deferringErrors(failingParser)(request, {} as Response, (...args: unknown[]) => void passedOn.push(args));
    expect(passedOn).toEqual([[]]);
    expect(() => new BodyErrorInterceptor().intercept(httpContext(request), handler)).toThrow(refusal);
  });

  it('passes a request whose body was read to its handler', () => {
    const parser: RequestHandler = (request, _response, next) => ((request.body = { a: 1 }), next());
    const request = {} as Request;
    deferringErrors(parser)(request, {} as Response, () => undefined);
    expect(request.body).toEqual({ a: 1 });
    expect(new BodyErrorInterceptor().intercept(httpContext(request), handler)).toBeDefined();
  });
});
