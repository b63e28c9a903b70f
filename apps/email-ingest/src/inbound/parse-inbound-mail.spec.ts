import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxEventTextChars, parseInboundMail } from './parse-inbound-mail';

const envelope = { mailFrom: 'jane@acme.test', rcptTo: ['support@helpgate.test'] };

function message(headers: string[], body = 'Hello'): Buffer {
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`);
}

describe('parseInboundMail', () => {
  it('reads sender, recipients, subject, body and threading headers', async () => {
    const parsed = await parseInboundMail(
      message([
        'From: "Jane Doe" <jane@acme.test>',
        'To: support@helpgate.test',
        'Cc: Bob <bob@acme.test>',
        'Subject: =?UTF-8?Q?Caf=C3=A9_broken?=',
        'Message-ID: <m2@acme.test>',
        'In-Reply-To: <m1@helpgate.test>',
        'References: <m0@helpgate.test> <m1@helpgate.test>',
      ]),
      envelope,
    );
    expect(parsed).toMatchObject({
      messageId: '<m2@acme.test>',
      inReplyTo: '<m1@helpgate.test>',
      references: ['<m0@helpgate.test>', '<m1@helpgate.test>'],
      from: { address: 'jane@acme.test', name: 'Jane Doe' },
      to: [{ address: 'support@helpgate.test' }],
      cc: [{ address: 'bob@acme.test', name: 'Bob' }],
      subject: 'Café broken',
      text: 'Hello\n',
      isAutomated: false,
    });
    expect(parsed.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a message without Message-ID a stable id from its content', async () => {
    const raw = message(['From: jane@acme.test', 'Subject: hi']);
    const first = await parseInboundMail(raw, envelope);
    const second = await parseInboundMail(raw, envelope);
    expect(first.messageId).toBe(`<${first.sha256}@helpgate.invalid>`);
    expect(second.messageId).toBe(first.messageId);
  });

  it('falls back to the envelope sender when there is no From header', async () => {
    const parsed = await parseInboundMail(message(['Subject: no from']), envelope);
    expect(parsed.from).toEqual({ address: 'jane@acme.test' });
  });

  it('reads a bounce whose sender has no address at all (From: MAILER-DAEMON, null envelope sender)', async () => {
    const raw = readFileSync(join(__dirname, '../../test/fixtures/bounces/sendmail-mailer-daemon-no-domain.eml'));
    const parsed = await parseInboundMail(raw, { mailFrom: null, rcptTo: ['support@helpgate.test'] });
    expect(parsed.from.address).toBe('mailer-daemon');
    expect(parsed.automation?.kind).toBe('bounce');
  });

  it('reads a message with neither From nor envelope sender as a bounce', async () => {
    const parsed = await parseInboundMail(message(['Subject: nobody']), { mailFrom: null, rcptTo: [] });
    expect(parsed).toMatchObject({ from: { address: 'mailer-daemon' }, isAutomated: true, automation: { kind: 'bounce' } });
  });

  it('cuts a very long body and says so', async () => {
    const parsed = await parseInboundMail(message(['From: jane@acme.test'], 'x'.repeat(maxEventTextChars + 10)), envelope);
    expect(parsed.text).toHaveLength(maxEventTextChars);
    expect(parsed.textTruncated).toBe(true);
  });

  it('marks an out-of-office reply as automated', async () => {
    const parsed = await parseInboundMail(message(['From: jane@acme.test', 'Auto-Submitted: auto-replied']), envelope);
    expect(parsed.isAutomated).toBe(true);
  });
});
