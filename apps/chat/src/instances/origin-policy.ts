/**
 * Why a socket.io handshake from this origin is refused, or null when it may connect. Browsers send `Origin` on
 * every cross-site request and on every WebSocket, so a page of another site is always seen; a request without it
 * comes from a page of this host or from a program (an app, a test, the benchmark), which the tokens guard.
 * Pages of the chat service's own host always may: the help-center panel is one, framed by the allowed sites only
 * (its `frame-ancestors`). Other sites may when `CHAT_ALLOWED_ORIGINS` lists them.
 */
export function originRefusal(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): string | null {
  if (origin === undefined) return null;
  if (hostOf(origin) !== undefined && hostOf(origin) === host?.toLowerCase()) return null;
  if (allowedOrigins.length > 0) {
    return allowedOrigins.includes(origin.toLowerCase())
      ? null
      : `origin ${origin} may not open the chat: it is not in CHAT_ALLOWED_ORIGINS`;
  }
  return `origin ${origin} may not open the chat: CHAT_ALLOWED_ORIGINS is empty, so only pages of ${host ?? 'this host'} may`;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined; // `null` (a sandboxed page) or garbage: never the chat's own host
  }
}
