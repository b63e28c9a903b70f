import { InboundMail, inboundMailV1FromV2, inboundMailV2FromV1, replyTextOf } from './email';

const reply = 'Thanks, that worked.\r\n\r\nOn Mon, 1 Jan 2024 at 10:00, Support wrote:\r> Please try again.';

function mail(text: string, quotedHistoryLine?: number): InboundMail {
  return {
    inboundMessageId: '00000000-0000-4000-8000-000000000001',
    messageId: '<m1@acme.test>',
    references: [],
    from: { address: 'jane@acme.test' },
    to: [],
    cc: [],
    supportAddress: 'support@helpgate.test',
    subject: 'Re: export',
    text,
    textTruncated: false,
    ...(quotedHistoryLine === undefined ? {} : { quotedHistoryLine }),
    attachments: [],
    isAutomated: false,
    authentication: { spf: 'none', dkim: 'none', dmarc: 'none' },
    rawMessage: { sha256: 'a'.repeat(64), sizeBytes: 100 },
    receivedAt: '2026-01-01T10:00:00.000Z',
  };
}

describe('replyTextOf', () => {
  it('reads the lines above the quoted history, trimmed, joined by LF whatever ended them', () => {
    expect(replyTextOf(mail(reply, 2))).toBe('Thanks, that worked.');
    expect(replyTextOf(mail(' A\rB\r\nC\nD', 3))).toBe('A\nB\nC');
  });

  it('is the whole text, trimmed, when there is no quoted history', () => {
    expect(replyTextOf(mail('\n Hello\r\n'))).toBe('Hello');
  });
});

describe('stored mail between the v1 and v2 forms', () => {
  it('turns the reply text of v1 into the line of v2 and back', () => {
    const v1 = { ...mail(reply), replyText: 'Thanks, that worked.' };
    const v2 = inboundMailV2FromV1(v1);
    expect(v2).toEqual(mail(reply, 1));
    expect(replyTextOf(v2)).toBe('Thanks, that worked.');
    expect(inboundMailV1FromV2(v2)).toEqual(v1);
  });

  it('gives no line for a v1 reply text that is the whole text, trimmed', () => {
    expect(inboundMailV2FromV1({ ...mail('Hello\n'), replyText: 'Hello' })).toEqual(mail('Hello\n'));
  });

  it('leaves a mail already in the form asked for as it is', () => {
    expect(inboundMailV2FromV1(mail(reply, 2))).toEqual(mail(reply, 2));
    const v1 = { ...mail(reply), replyText: 'Thanks, that worked.' };
    expect(inboundMailV1FromV2(v1)).toBe(v1);
  });
});
