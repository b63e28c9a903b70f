import { parseCompletionChunk, SseDecoder } from './sse';

describe('SseDecoder', () => {
  it('answers the data of complete events whatever the pieces the text arrives in', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: {"a"')).toEqual([]);
    expect(decoder.push(':1}\n')).toEqual([]);
    expect(decoder.push('\ndata: [DO')).toEqual(['{"a":1}']);
    expect(decoder.push('NE]\n\n')).toEqual(['[DONE]']);
  });

  it('joins multi-line data, reads CRLF and skips comments and other fields', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(': keep-alive\r\n\r\nevent: message\r\nid: 7\r\ndata: one\r\ndata:two\r\n\r\n')).toEqual(['one\ntwo']);
  });
});

describe('parseCompletionChunk', () => {
  it('reads the text of a delta', () => {
    expect(parseCompletionChunk('{"choices":[{"index":0,"delta":{"content":"Hel"}}]}')).toEqual({ content: 'Hel', toolCalls: [] });
  });

  it('reads the name of a tool the model calls, and nothing of an empty delta', () => {
    const call =
      '{"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c1","type":"function","function":{"name":"handoff_to_person","arguments":""}}]}}]}';
    expect(parseCompletionChunk(call)).toEqual({ content: '', toolCalls: ['handoff_to_person'] });
    expect(parseCompletionChunk('{"choices":[{"delta":{},"finish_reason":"stop"}]}')).toEqual({ content: '', toolCalls: [] });
  });

  it('refuses what is not a chunk', () => {
    expect(() => parseCompletionChunk('{"error":{"message":"overloaded"}}')).toThrow(SyntaxError);
    expect(() => parseCompletionChunk('{"choi')).toThrow(SyntaxError);
  });
});
