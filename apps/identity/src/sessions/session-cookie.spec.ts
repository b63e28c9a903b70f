import type { Response } from 'express';
import { clearRefreshCookie, presentedRefreshToken, withRefreshCookie } from './session-cookie';

function recordingResponse() {
  const calls: unknown[][] = [];
  const response = {
    cookie: (...args: unknown[]) => calls.push(['cookie', ...args]),
    clearCookie: (...args: unknown[]) => calls.push(['clearCookie', ...args]),
  } as unknown as Response;
  return { response, calls };
}

describe('the refresh cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, scoped to the session routes and ends with the session', () => {
    const { response, calls } = recordingResponse();
    const expires = new Date('2026-03-02T22:00:00Z');
    const tokens = { accessToken: 'xyz', refreshToken: 'abc', refreshTokenExpiresAt: expires.toISOString() };
    expect(withRefreshCookie(response, tokens)).toBe(tokens);
    clearRefreshCookie(response);
    const options = { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' };
    expect(calls).toEqual([
      ['cookie', 'helpgate_refresh', 'abc', { ...options, expires }],
      ['clearCookie', 'helpgate_refresh', options],
    ]);
  });

  it('takes the token of the body first, else the one of the cookie', () => {
    expect(presentedRefreshToken('from-body', 'helpgate_refresh=from-cookie')).toBe('from-body');
    expect(presentedRefreshToken(undefined, 'theme=dark; helpgate_refresh=from-cookie ; other=x')).toBe('from-cookie');
    expect(presentedRefreshToken(undefined, 'not_helpgate_refresh=x; helpgate_refresh=')).toBeNull();
    expect(presentedRefreshToken(undefined, undefined)).toBeNull();
  });
});
