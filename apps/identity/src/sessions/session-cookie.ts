import type { CookieOptions, Response } from 'express';

/** The cookie that carries a browser's refresh token. */
export const refreshCookieName = 'helpgate_refresh';

/** Scoped to the session routes (`/auth/refresh`, `/auth/sign-out`), out of reach of scripts and other sites. */
const refreshCookieOptions: CookieOptions = { httpOnly: true, secure: true, sameSite: 'strict', path: '/auth' };

/** Sets the cookie of a session's refresh token and answers the tokens, for a sign-in or renewal handler to return. */
export function withRefreshCookie<Tokens extends { refreshToken: string; refreshTokenExpiresAt: string }>(
  response: Response,
  tokens: Tokens,
): Tokens {
  response.cookie(refreshCookieName, tokens.refreshToken, { ...refreshCookieOptions, expires: new Date(tokens.refreshTokenExpiresAt) });
  return tokens;
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(refreshCookieName, refreshCookieOptions);
}

/** The refresh token an API client sent in the body, else the one of the browser's cookie. */
export function presentedRefreshToken(bodyToken: string | undefined, cookieHeader: string | undefined): string | null {
  if (bodyToken) return bodyToken;
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === refreshCookieName) return pair.slice(separator + 1).trim() || null;
  }
  return null;
}
