import type { Mailbox } from '@helpgate/contracts';

/**
 * The people copied on a mail who become CCs of its ticket: everyone in To and Cc except the
 * requester and addresses of the support domain (our own addresses must never receive our replies).
 */
export function ccParticipants(
  mail: { to: Mailbox[]; cc: Mailbox[]; supportAddress: string },
  requesterEmail: string,
  limit: number,
): Mailbox[] {
  const supportDomain = mail.supportAddress.slice(mail.supportAddress.lastIndexOf('@') + 1).toLowerCase();
  const seen = new Set([requesterEmail.toLowerCase()]);
  const participants: Mailbox[] = [];
  for (const mailbox of [...mail.to, ...mail.cc]) {
    const address = mailbox.address.trim().toLowerCase();
    if (seen.has(address) || address.endsWith(`@${supportDomain}`) || !address.includes('@')) continue;
    seen.add(address);
    participants.push({ address, ...(mailbox.name ? { name: mailbox.name } : {}) });
    if (participants.length === limit) break;
  }
  return participants;
}
