import { helpgateMessageIdPrefix, OutboundMail } from '@helpgate/contracts';
import { domainOf } from '../domain/email-address';

/** The mails identity sends on its own: each carries one one-time link. */
export type AccessMailPurpose = 'agent_invitation' | 'password_reset' | 'email_verification';

export interface AccessMailInput {
  purpose: AccessMailPurpose;
  requestId: string;
  /** Unique per mail; becomes part of the Message-ID. */
  token: string;
  to: { address: string; name: string };
  fromAddress: string;
  link: string;
  linkValidFor: string;
  contactId?: string;
}

const wording: Record<AccessMailPurpose, { subject: string; lines: (input: AccessMailInput) => string[] }> = {
  agent_invitation: {
    subject: 'Your Helpgate agent account',
    lines: ({ to, link, linkValidFor }) => [
      `An agent account was created for you (${to.address}).`,
      `Choose your password here within ${linkValidFor}:`,
      link,
    ],
  },
  password_reset: {
    subject: 'Set your support portal password',
    lines: ({ to, link, linkValidFor }) => [
      `Someone asked to set the password of ${to.address}. If it was you, choose a new one here within ${linkValidFor}:`,
      link,
      'If it was not you, ignore this mail: your password stays as it is.',
    ],
  },
  email_verification: {
    subject: 'Confirm your email address',
    lines: ({ to, link, linkValidFor }) => [`Please confirm that ${to.address} is yours by opening this link within ${linkValidFor}:`, link],
  },
};

export function accessMail(input: AccessMailInput): OutboundMail {
  const { subject, lines } = wording[input.purpose];
  return noticeMail({ ...input, subject, lines: lines(input) });
}

/** A mail identity sends of its own accord to one person, marked automatic so nobody's auto-responder answers it. */
export interface NoticeMailInput {
  requestId: string;
  /** Unique per mail; becomes part of the Message-ID. */
  token: string;
  to: { address: string; name: string };
  fromAddress: string;
  subject: string;
  lines: string[];
  contactId?: string;
}

export function noticeMail(input: NoticeMailInput): OutboundMail {
  return {
    requestId: input.requestId,
    kind: 'notification',
    from: { address: input.fromAddress },
    to: [input.to],
    cc: [],
    subject: input.subject,
    text: [`Hello ${input.to.name},`, '', ...input.lines].join('\n'),
    messageId: `${helpgateMessageIdPrefix}access.${input.token}@${domainOf(input.fromAddress)}>`,
    references: [],
    autoSubmitted: 'auto-generated',
    attachmentIds: [],
    ...(input.contactId ? { contactId: input.contactId } : {}),
  };
}

/** "72 hours", "1 hour", "30 minutes": how long a link works, for the mail's text. */
export function durationInWords(seconds: number): string {
  const [amount, unit] = seconds % 3600 === 0 ? [seconds / 3600, 'hour'] : [Math.ceil(seconds / 60), 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
