/** Who may frame the panel: the sites allowed to embed the chat, or with none set only chat's own pages (the demo). */
export interface PanelPolicyInput {
  embeddingOrigins: readonly string[];
  /** identity's and tickets' public origins, which the panel calls for signing in, the ticket form and the tickets. */
  apiOrigins: readonly string[];
}

/**
 * The panel page's Content-Security-Policy: its own scripts and styles only (nothing from outside the deployment, no
 * inline code), calls to chat (HTTP and its WebSocket, both 'self') and to identity and tickets, images from these
 * (the team's logo is on the deployment), and `frame-ancestors` keeping the embed allow-list meaningful now that the socket's origin
 * is chat itself.
 */
export function panelContentSecurityPolicy({ embeddingOrigins, apiOrigins }: PanelPolicyInput): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    ['img-src', "'self'", 'data:', 'blob:', ...apiOrigins].join(' '),
    ['connect-src', "'self'", ...apiOrigins].join(' '),
    ['frame-ancestors', "'self'", ...embeddingOrigins].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The demo page: a sample site with its own inline styles, framing the panel from chat's own origin. */
export const demoContentSecurityPolicy = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
