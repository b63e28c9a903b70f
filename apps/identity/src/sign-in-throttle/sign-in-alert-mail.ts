import type { OutboundMail } from '@helpgate/contracts';
import { durationInWords, noticeMail } from '../access/access-mail';

export interface SignInAlertInput {
  requestId: string;
  token: string;
  to: { address: string; name: string };
  fromAddress: string;
  failures: number;
  windowSeconds: number;
}

/** Tells an agent that their account is being guessed at: what happened and what to do, never from where. */
export function signInAlertMail(input: SignInAlertInput): OutboundMail {
  return noticeMail({
    ...input,
    subject: 'Repeated failed sign-ins to your Helpgate account',
    lines: [
      `There were ${input.failures} failed attempts to sign in to your agent account (${input.to.address}) with a wrong password.`,
      `Sign-in to it is paused for up to ${durationInWords(input.windowSeconds)}; you can still sign in from where you signed in before.`,
      'If this was not you, ask an admin to send you a new set-password link and choose a new password: that ends every session of your account.',
    ],
  });
}
