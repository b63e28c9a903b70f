/**
 * Server-sent events as text arrives in arbitrary pieces: `push` answers the `data` of every event completed so far
 * (its `data:` lines joined with newlines), keeping an unfinished line or event for the next piece. Comments (`:`)
 * and other fields (`event:`, `id:`) are skipped; CRLF and LF both end lines.
 */
export class SseDecoder {
  private buffer = '';
  private data: string[] = [];

  push(text: string): string[] {
    this.buffer += text;
    const lines = this.buffer.split(/\r?\n/);
    this.buffer = lines.pop()!;
    const events: string[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
    return events;
  }
}

/** What one chat-completions chunk adds: text, and the names of the tools the model calls. */
export interface CompletionDelta {
  content: string;
  toolCalls: string[];
}

/** The end of a chat-completions stream. */
export const streamEnd = '[DONE]';

/** One chunk of a streamed chat completion (`choices[0].delta`); anything else is a broken stream. */
export function parseCompletionChunk(data: string): CompletionDelta {
  const chunk = JSON.parse(data) as { choices?: { delta?: { content?: unknown; tool_calls?: unknown } }[] };
  if (!Array.isArray(chunk.choices)) throw new SyntaxError('a chat-completions chunk without choices');
  const delta = chunk.choices[0]?.delta ?? {};
  const toolCalls = Array.isArray(delta.tool_calls) ? (delta.tool_calls as { function?: { name?: unknown } }[]) : [];
  return {
    content: typeof delta.content === 'string' ? delta.content : '',
    toolCalls: toolCalls.flatMap((call) => (typeof call.function?.name === 'string' ? [call.function.name] : [])),
  };
}
