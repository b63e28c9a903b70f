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

  it('refuses a client over its connection limit with 421 4.7.0, which also closes the connection', () => {
    const reply = toSmtpReply(new IngestException(IngestErrorCode.TooManyConnections, 'Too many connections'));
    expect([reply.responseCode, reply.message]).toEqual([421, '4.7.0 Too many connections']);
  });

  it('asks a client over its message rate to try later with 450 4.7.1', () => {
    const reply = toSmtpReply(new IngestException(IngestErrorCode.TooManyMessages, 'Too many messages'));
    expect([reply.responseCode, reply.message]).toEqual([450, '4.7.1 Too many messages']);
  });

  it('refuses a malformed message as a whole with 554 5.6.0', () => {
    const reply = toSmtpReply(new IngestException(IngestErrorCode.MalformedMessage, 'Message refused: bare CR or LF in header'));
    expect([reply.responseCode, reply.message]).toEqual([554, '5.6.0 Message refused: bare CR or LF in header']);
  });

  it('turns any unexpected failure into a temporary 451 4.3.0 and keeps the cause', () => {
    const failure = new Error('broker down');
    const reply = toSmtpReply(failure);
    expect(reply.responseCode).toBe(451);
    expect(reply.message).toMatch(/^4\.3\.0 /);
    expect(reply.cause).toBe(failure);
  });
});
