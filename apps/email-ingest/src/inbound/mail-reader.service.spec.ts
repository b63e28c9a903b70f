import { MailReader } from './mail-reader.service';
import type { SenderAuthenticationService } from './sender-authentication.service';

const raw = Buffer.from('From: jane@acme.test\r\nTo: support@helpgate.test\r\nSubject: hi\r\nMessage-ID: <m1@acme.test>\r\n\r\nHello\r\n');
const message = {
  inboundMessageId: '6f0d7a5e-8f53-4b0e-9c1a-2f1f6a3d9b10',
  envelope: { mailFrom: 'jane@acme.test', rcptTo: ['support@helpgate.test'] },
  session: { remoteAddress: '192.0.2.1', heloName: 'mx.acme.test' },
};

function readerThatReadsAhead(readsAhead: boolean) {
  const authenticate = jest.fn(async () => ({ spf: 'pass' as const, dkim: 'none' as const, dmarc: 'none' as const }));
  const reader = new MailReader({ authenticate } as unknown as SenderAuthenticationService, ['helpgate.test'], readsAhead);
  return { reader, authenticate };
}

describe('MailReader', () => {
  it('hands the record the reading started when the mail was accepted, instead of reading it again', async () => {
    const { reader, authenticate } = readerThatReadsAhead(true);
    reader.readAhead(message, raw);
    const reading = await reader.read(message, raw);
    expect(reading.outcome).toMatchObject({ mail: { subject: 'hi', messageId: '<m1@acme.test>' } });
    expect(reading.authentication.spf).toBe('pass');
    expect(authenticate).toHaveBeenCalledTimes(1);
    expect(authenticate).toHaveBeenCalledWith(raw, { ...message.session, envelopeFrom: 'jane@acme.test' });
  });

  it('reads a record delivered again anew', async () => {
    const { reader, authenticate } = readerThatReadsAhead(true);
    reader.readAhead(message, raw);
    await reader.read(message, raw);
    await reader.read(message, raw);
    expect(authenticate).toHaveBeenCalledTimes(2);
  });

  it('reads nothing ahead in an instance that does not consume the accepted records', async () => {
    const { reader, authenticate } = readerThatReadsAhead(false);
    reader.readAhead(message, raw);
    await new Promise((resolve) => setImmediate(resolve));
    expect(authenticate).not.toHaveBeenCalled();
    await reader.read(message, raw);
    expect(authenticate).toHaveBeenCalledTimes(1);
  });
});
