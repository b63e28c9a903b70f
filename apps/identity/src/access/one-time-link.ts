import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@helpgate/platform';

/** What a one-time link lets its holder do. */
export const linkPurposes = ['set_password', 'verify_email'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

/** Who holds a password or a link. */
export type SubjectKind = 'agent' | 'contact';

export interface NewLinkSecret {
  /** Sent in the link only; never stored. */
  token: string;
  tokenHash: string;
}

/** 256 random bits, URL-safe; only their digest is stored, so a leaked database opens no accounts. */
export function newLinkSecret(): NewLinkSecret {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: linkTokenHash(token) };
}

export function linkTokenHash(token: string): string {
  return sha256Hex(token);
}

const pathOf: Record<LinkPurpose, string> = { set_password: 'set-password', verify_email: 'verify-email' };

/** The portal page that takes the token and calls identity's API with it. */
export function portalLink(portalUrl: string, purpose: LinkPurpose, token: string): string {
  const url = new URL(pathOf[purpose], portalUrl.endsWith('/') ? portalUrl : `${portalUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}
