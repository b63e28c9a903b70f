import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { AdminsOnly, AuthenticatedRequest, ContactsOnly, GuardedByRoute, Public, TokenOptional } from './access.decorators';
import { AuthErrorCode } from './auth.exception';
import { BearerTokenGuard } from './bearer-token.guard';
import { keyIdOf, signToken, TokenClaims } from './signed-token';

@Controller('notes')
class NotesController {
  @Get()
  forAgents(): void {}

  @AdminsOnly()
  @Get('settings')
  forAdmins(): void {}

  @ContactsOnly()
  @Get('mine')
  forContacts(): void {}

  @Public()
  @Get('public')
  forAnyone(): void {}

  @TokenOptional()
  @Get('news')
  forAnyoneSignedInOrNot(): void {}

  @GuardedByRoute()
  @Get('own-tokens')
  checkedByItsOwnGuard(): void {}
}

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const keyId = keyIdOf(publicKey);
const guard = new BearerTokenGuard(new Reflector(), new Map([[keyId, publicKey]]));

function token(claims: { kind: 'agent'; role: 'admin' | 'agent' } | { kind: 'contact' }, expiresIn = 600): string {
  const now = Math.floor(Date.now() / 1000);
  const kindClaims = claims.kind === 'agent' ? { kind: 'agent', role: claims.role } : { kind: 'contact', primaryOf: [] };
  const full = { ...kindClaims, sub: randomUUID(), iss: 'helpgate-identity', iat: now - 1000, exp: now + expiresIn } as TokenClaims;
  return signToken(full, privateKey, keyId);
}

function call(handler: keyof NotesController, authorization?: string): { request: AuthenticatedRequest; pass: () => boolean } {
  const request = { headers: { authorization } } as AuthenticatedRequest;
  const context = {
    getType: () => 'http',
    getHandler: () => NotesController.prototype[handler],
    getClass: () => NotesController,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { request, pass: () => guard.canActivate(context) };
}

function refusal(pass: () => boolean): { code: string; kind: string; message: string } {
  try {
    pass();
  } catch (error) {
    const { code, kind, message } = error as { code: string; kind: string; message: string };
    return { code, kind, message };
  }
  throw new Error('the guard let the request through');
}

describe('BearerTokenGuard', () => {
  it('lets a valid token of the route audience through, with its principal on the request', () => {
    const { request, pass } = call('forAdmins', `Bearer ${token({ kind: 'agent', role: 'admin' })}`);
    expect(pass()).toBe(true);
    expect(request.principal).toMatchObject({ kind: 'agent', role: 'admin' });
    expect(call('forAnyone').pass()).toBe(true);
  });

  it('answers a missing, invalid or expired token with its own unauthenticated code', () => {
    expect(refusal(call('forAgents').pass)).toEqual({
      code: AuthErrorCode.TokenMissing,
      kind: 'unauthenticated',
      message: 'A bearer token is required',
    });
    expect(refusal(call('forAgents', 'Basic dXNlcjpwYXNz').pass)).toMatchObject({ code: AuthErrorCode.TokenMissing });
    expect(refusal(call('forAgents', 'Bearer forged.token.here').pass)).toMatchObject({
      code: AuthErrorCode.TokenInvalid,
      kind: 'unauthenticated',
    });
    expect(refusal(call('forAgents', `Bearer ${token({ kind: 'agent', role: 'agent' }, -60)}`).pass)).toEqual({
      code: AuthErrorCode.TokenExpired,
      kind: 'unauthenticated',
      message: 'Invalid token: token expired',
    });
  });

  it('answers a valid token of the wrong audience as forbidden, saying whose route it is', () => {
    expect(refusal(call('forAgents', `Bearer ${token({ kind: 'contact' })}`).pass)).toEqual({
      code: AuthErrorCode.WrongAudience,
      kind: 'forbidden',
      message: 'This API is for agents',
    });
    expect(refusal(call('forAdmins', `Bearer ${token({ kind: 'agent', role: 'agent' })}`).pass)).toMatchObject({
      code: AuthErrorCode.WrongAudience,
      message: 'This API is for admins',
    });
    expect(refusal(call('forContacts', `Bearer ${token({ kind: 'agent', role: 'admin' })}`).pass)).toMatchObject({
      code: AuthErrorCode.WrongAudience,
      message: 'This API is for contacts',
    });
  });

  it('lets anyone through a token-optional route, yet checks a token that is sent and keeps its principal', () => {
    const anonymous = call('forAnyoneSignedInOrNot');
    expect(anonymous.pass()).toBe(true);
    expect(anonymous.request.principal).toBeUndefined();
    const contact = call('forAnyoneSignedInOrNot', `Bearer ${token({ kind: 'contact' })}`);
    expect(contact.pass()).toBe(true);
    expect(contact.request.principal).toMatchObject({ kind: 'contact' });
    expect(refusal(call('forAnyoneSignedInOrNot', 'Bearer forged.token.here').pass)).toMatchObject({ code: AuthErrorCode.TokenInvalid });
    expect(refusal(call('forAnyoneSignedInOrNot', '').pass)).toMatchObject({ code: AuthErrorCode.TokenMissing });
  });

  it('leaves a route-guarded route to its own guard: no token, a token of its own or of anyone pass, no principal is set', () => {
    for (const authorization of [undefined, 'Bearer hgv1.own-token', `Bearer ${token({ kind: 'contact' })}`]) {
      const { request, pass } = call('checkedByItsOwnGuard', authorization);
      expect(pass()).toBe(true);
      expect(request.principal).toBeUndefined();
    }
  });
});
