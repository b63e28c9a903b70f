import { Logger } from '@nestjs/common';
import type { AiAgent, AiReplySink, AiTurn, AiTurnOutcome } from '../ai-agent';
import type { PassageSearch } from '../builtin-agent';
import { buildCompletionMessages, handoffTool } from './llm-prompt';
import { parseCompletionChunk, SseDecoder, streamEnd } from './sse';

export interface LlmSettings {
  /** The OpenAI-compatible API's base URL (`https://api.openai.com/v1`, `http://127.0.0.1:11434/v1`…). */
  url: string;
  /** Sent as `Authorization: Bearer …` to that URL only; never logged, never sent to a browser. Null for local servers. */
  apiKey: string | null;
  model: string;
  /** From the request to the end of the stream. */
  timeoutMs: number;
}

/** The provider failed the turn: an HTTP error, a stream that broke or ended early, or a chunk that is not one. */
class LlmProviderError extends Error {}

/**
 * `CHAT_AI_AGENT=llm`: a language model writes the answer over the OpenAI-compatible chat-completions protocol,
 * streamed (`stream: true`) to the visitor as it is written, grounded on the knowledge base's best passages. A call to
 * `handoff_to_person` hands over; a timeout, an HTTP error or a broken stream hands over as a provider failure.
 */
export class LlmAiAgent implements AiAgent {
  readonly kind = 'llm';
  readonly answersFirst = true;
  private readonly logger = new Logger(LlmAiAgent.name);

  constructor(
    private readonly settings: LlmSettings,
    private readonly search: PassageSearch,
  ) {}

  async respond(turn: AiTurn, reply: AiReplySink): Promise<AiTurnOutcome> {
    const passages = await this.search(turn.visitorMessage, turn.language);
    try {
      const response = await fetch(`${this.settings.url}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.settings.model,
          stream: true,
          messages: buildCompletionMessages(turn, passages),
          // The model may hand over only when a person could take the chat.
          ...(turn.personReachable ? { tools: [handoffTool] } : {}),
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!response.ok || !response.body) throw new LlmProviderError(`the provider answered HTTP ${response.status}`);
      const answer = await this.readStream(response.body, reply);
      if (answer === 'handoff') return { kind: 'handover', reason: 'model_requested' };
      return { kind: 'answered', text: answer, confident: passages.some((passage) => passage.confident) };
    } catch (error) {
      // The conversation and the settings are not logged: only what failed (the key is in neither the error nor here).
      this.logger.warn(
        { err: error, conversationId: turn.conversationId, model: this.settings.model },
        'the language model failed: handing over',
      );
      return { kind: 'handover', reason: 'provider_failure' };
    }
  }

  /** The answer's text, streamed part by part as it arrives, or `handoff` when the model calls the tool. */
  private async readStream(body: ReadableStream<Uint8Array>, reply: AiReplySink): Promise<string | 'handoff'> {
    const decoder = new SseDecoder();
    let text = '';
    for await (const piece of body.pipeThrough(new TextDecoderStream())) {
      for (const data of decoder.push(piece)) {
        if (data === streamEnd) {
          if (!text.trim()) throw new LlmProviderError('the provider ended the stream without an answer');
          return text;
        }
        const delta = parseCompletionChunk(data);
        if (delta.toolCalls.includes(handoffTool.function.name)) return 'handoff';
        if (!delta.content) continue;
        text += delta.content;
        reply.stream(delta.content);
      }
    }
    throw new LlmProviderError(`the stream ended before ${streamEnd}`);
  }
}
