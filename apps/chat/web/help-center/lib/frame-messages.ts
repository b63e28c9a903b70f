/**
 * What the loader (in the host page) and the panel (in its iframe, on chat's origin) tell each other by postMessage.
 * Both sides check who sent a message (the loader: chat's origin and its own iframe; the panel: its parent window)
 * and read it through `readFrameMessage`, so a page's other messages are ignored.
 */
export type FrameMessage =
  /** panel → loader: ready for `init`. */
  | { type: 'helpgate:ready' }
  /** loader → panel: who the visitor is and what the host page set. */
  | { type: 'helpgate:init'; visitorId: string; contactToken: string | null; language: string | null }
  /** loader → panel: the host page signed its user in (or out: null). */
  | { type: 'helpgate:contact-token'; contactToken: string | null }
  /** panel → loader: the unread announcements changed (read in the panel). */
  | { type: 'helpgate:unread'; count: number }
  /** panel → loader: the visitor closed the panel (button or Escape). */
  | { type: 'helpgate:close' };

const nullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

export function readFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'helpgate:ready':
    case 'helpgate:close':
      return { type: message.type };
    case 'helpgate:init':
      return typeof message.visitorId === 'string' && nullableString(message.contactToken) && nullableString(message.language)
        ? { type: message.type, visitorId: message.visitorId, contactToken: message.contactToken, language: message.language }
        : null;
    case 'helpgate:contact-token':
      return nullableString(message.contactToken) ? { type: message.type, contactToken: message.contactToken } : null;
    case 'helpgate:unread':
      return typeof message.count === 'number' && Number.isInteger(message.count) && message.count >= 0
        ? { type: message.type, count: message.count }
        : null;
    default:
      return null;
  }
}
