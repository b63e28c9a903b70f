import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';

/** How long a browser may reuse a preflight answer (Chromium caps it at two hours). */
export const preflightMaxAgeSeconds = 7200;

/**
 * The CORS policy of a service's HTTP API, or null when no origin is allowed (browsers then keep to same-origin
 * pages). Only the listed origins are answered, each by name: never `*`, because browsers send the refresh cookie
 * with credentialed requests. The headers are set before any handler runs, so a refusal's error body is readable too.
 */
export function corsOptions(allowedOrigins: readonly string[]): CorsOptions | null {
  if (allowedOrigins.length === 0) return null;
  return {
    origin: [...allowedOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'accept-language'],
    // Read by a browser client: how long to wait after a 429, and the name of a downloaded file.
    exposedHeaders: ['retry-after', 'content-disposition'],
    credentials: true,
    maxAge: preflightMaxAgeSeconds,
  };
}
