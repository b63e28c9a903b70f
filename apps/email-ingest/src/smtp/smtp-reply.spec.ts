import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { toSmtpReply } from './smtp-reply';

describe('toSmtpReply', () => {
  it('refuses an unknown recipient permanently with 550 5.1.1', () => {
    const reply = toSmtpReply(new IngestException(IngestErrorCode.UnknownRecipient, 'No mailbox here'));
    expect(reply.responseCode).toBe(550);
    expect(reply.message).toBe('5.1.1 No mailbox here');
  });

  it('answers a size overrun with 552 5.3.4', () => {
    const reply = toSmtpReply(new IngestException(IngestErrorCode.MessageTooLarge, 'Too big'));
    expect([reply.responseCode, reply.message]).toEqual([552, '5.3.4 Too big']);
  });

  it('turns any unexpected failure into a temporary 451 4.3.0 and keeps the cause', () => {
    const failure = new Error('broker down');
    const reply = toSmtpReply(failure);
    expect(reply.responseCode).toBe(451);
    expect(reply.message).toMatch(/^4\.3\.0 /);
    expect(reply.cause).toBe(failure);
  });
});
