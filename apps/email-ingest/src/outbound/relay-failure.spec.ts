import { classifyRelayFailure } from './relay-failure';
import { UnsendableMailError } from './relay-message';

/** An error shaped the way nodemailer's SMTP connection reports a reply it did not expect. */
function relayReply(code: string, response: string, extra: object = {}): Error {
  const responseCode = Number(response.slice(0, 3));
  return Object.assign(new Error(`Message failed: ${response}`), { code, response, responseCode, ...extra });
}

describe('classifyRelayFailure', () => {
  it('retries a temporary refusal (4xx) and keeps the reply', () => {
    expect(classifyRelayFailure(relayReply('EMESSAGE', '451 4.3.0 Try again later'))).toEqual({
      retryable: true,
      reason: '451 4.3.0 Try again later',
      code: 'EMESSAGE',
      responseCode: 451,
      status: '4.3.0',
    });
  });

  it('gives up at once on a permanent refusal (5xx), with the refused recipients', () => {
    const refused = relayReply('EENVELOPE', '550 5.1.1 <nobody@customer.test>: Recipient address rejected', {
      rejected: ['nobody@customer.test'],
    });
    expect(classifyRelayFailure(refused)).toEqual({
      retryable: false,
      reason: '550 5.1.1 <nobody@customer.test>: Recipient address rejected',
      code: 'EENVELOPE',
      responseCode: 550,
      status: '5.1.1',
      rejectedRecipients: ['nobody@customer.test'],
    });
  });

  it('retries a 503, which only says the session was out of step', () => {
    expect(classifyRelayFailure(relayReply('EPROTOCOL', '503 5.5.1 Bad sequence of commands')).retryable).toBe(true);
  });

  it('retries a refused login, which the relay operator can fix', () => {
    expect(classifyRelayFailure(relayReply('EAUTH', '535 5.7.8 Authentication credentials invalid')).retryable).toBe(true);
  });

  it('retries when the relay cannot be reached or times out', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    expect(classifyRelayFailure(refused)).toEqual({ retryable: true, reason: 'connect ECONNREFUSED 127.0.0.1:25', code: 'ESOCKET' });
    const aborted = Object.assign(new Error('Message sending aborted'), { name: 'AbortError', code: 'EABORT' });
    expect(classifyRelayFailure(aborted).retryable).toBe(true);
  });

  it('gives up on a message nodemailer refuses before any reply', () => {
    const noRecipients = Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' });
    expect(classifyRelayFailure(noRecipients)).toMatchObject({ retryable: false, code: 'EENVELOPE' });
    expect(classifyRelayFailure(new UnsendableMailError('attachment 1 is not stored'))).toEqual({
      retryable: false,
      reason: 'attachment 1 is not stored',
      code: 'UnsendableMailError',
    });
  });

  it('retries an unexpected failure (the number of attempts bounds it)', () => {
    expect(classifyRelayFailure(new TypeError('boom'))).toEqual({ retryable: true, reason: 'boom', code: 'TypeError' });
    expect(classifyRelayFailure('odd')).toEqual({ retryable: true, reason: 'odd', code: 'UNKNOWN' });
  });
});
