import type { ChatTranscriptEntry } from '@helpgate/contracts';
import { chatTime, transcriptText } from './transcript-text';

const entry = (fields: Partial<ChatTranscriptEntry> & Pick<ChatTranscriptEntry, 'sequence' | 'text'>): ChatTranscriptEntry => ({
  author: 'visitor',
  authorName: 'Vera Visitor',
  files: [],
  sentAt: '2026-12-05T10:00:00Z',
  ...fields,
});

describe('chatTime', () => {
  it('writes the minute in UTC, whatever offset the time came with', () => {
    expect(chatTime('2026-12-05T11:02:59+01:00')).toBe('2026-12-05 10:02 UTC');
  });
});

describe('transcriptText', () => {
  it('opens with when the chat started and why it became a ticket, then one line per message with time, author and text', () => {
    const text = transcriptText({
      reason: 'no_agent_available',
      startedAt: '2026-12-05T10:00:00Z',
      transcript: [
        entry({ sequence: 1, text: 'My invoice is wrong.' }),
        entry({ sequence: 2, author: 'ai', authorName: 'Helpbot', text: 'Which invoice number?', sentAt: '2026-12-05T10:01:00Z' }),
        entry({ sequence: 3, author: 'agent', authorName: 'Alex Agent', text: 'Looking into it.', sentAt: '2026-12-05T10:03:00Z' }),
      ],
    });
    expect(text).toBe(
      [
        'Chat conversation started 2026-12-05 10:00 UTC; it became this ticket because no agent was available.',
        '',
        '[2026-12-05 10:00 UTC] Vera Visitor: My invoice is wrong.',
        '[2026-12-05 10:01 UTC] Helpbot (AI): Which invoice number?',
        '[2026-12-05 10:03 UTC] Alex Agent: Looking into it.',
      ].join('\n'),
    );
  });

  it('puts the messages in sequence order, indents further lines of a message and names the files sent with it', () => {
    const text = transcriptText({
      reason: 'agent_choice',
      startedAt: '2026-12-05T10:00:00Z',
      transcript: [
        entry({ sequence: 2, author: 'agent', authorName: 'Alex Agent', text: 'Thanks, we will mail you.', sentAt: '2026-12-05T10:05:00Z' }),
        entry({
          sequence: 1,
          text: 'Here it is:\r\ninvoice 2026-118',
          files: [{ id: 'b3c1f2de-4a5b-4c6d-8e7f-9a0b1c2d3e4f', filename: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: 1, sha256: 'c'.repeat(64) }],
        }),
      ],
    });
    expect(text.split('\n').slice(2)).toEqual([
      '[2026-12-05 10:00 UTC] Vera Visitor: Here it is:',
      '    invoice 2026-118',
      '    (file: invoice.pdf)',
      '[2026-12-05 10:05 UTC] Alex Agent: Thanks, we will mail you.',
    ]);
    expect(text).toContain('because an agent chose to go on by mail.');
  });
});
