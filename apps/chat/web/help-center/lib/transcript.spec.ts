import { ChatMessage, emptyTranscript, lastSequence, streamingTexts, withMessages, withPart } from './transcript';

const message = (sequence: number, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  conversationId: 'c',
  sequence,
  clientId: `m${sequence}`,
  author: 'visitor',
  agentId: null,
  authorName: null,
  text: `text ${sequence}`,
  files: [],
  sentAt: '2026-12-05T10:00:00.000Z',
  ...overrides,
});

describe('the conversation as the panel shows it', () => {
  it('keeps each message once, in sequence order, whatever order and how often they arrive', () => {
    let transcript = withMessages(emptyTranscript, [message(2), message(1)]);
    transcript = withMessages(transcript, [message(1), message(3), message(2)]);
    expect(transcript.messages.map((m) => m.sequence)).toEqual([1, 2, 3]);
    expect(lastSequence(transcript)).toBe(3);
  });

  it('shows a streamed answer as far as its parts arrived without a gap, then the whole message instead', () => {
    let transcript = withPart(emptyTranscript, { clientId: 'ai-1', index: 1, part: 'world' });
    expect(streamingTexts(transcript)).toEqual([{ clientId: 'ai-1', text: '' }]);
    transcript = withPart(transcript, { clientId: 'ai-1', index: 0, part: 'Hello ' });
    expect(streamingTexts(transcript)).toEqual([{ clientId: 'ai-1', text: 'Hello world' }]);
    transcript = withMessages(transcript, [message(4, { clientId: 'ai-1', author: 'ai', text: 'Hello world.' })]);
    expect(streamingTexts(transcript)).toEqual([]);
    expect(withPart(transcript, { clientId: 'ai-1', index: 2, part: 'late' })).toBe(transcript);
  });
});
