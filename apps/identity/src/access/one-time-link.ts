/** What a one-time link lets its holder do. */
export const linkPurposes = ['set_password', 'verify_email'] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

/** Who holds a password or a link. */
export type SubjectKind = 'agent' | 'contact';

const pathOf: Record<LinkPurpose, string> = { set_password: 'set-password', verify_email: 'verify-email' };

/** The portal page that takes the token and calls identity's API with it. */
export function portalLink(portalUrl: string, purpose: LinkPurpose, token: string): string {
  const url = new URL(pathOf[purpose], portalUrl.endsWith('/') ? portalUrl : `${portalUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}
