/**
 * The conversation the panel shows, as the socket delivers it: stored messages in sequence order, each at most once
 * (a resume after a reload answers what the page may already have), and the AI agent's answers while they stream
 * (`message.partial`, parts numbered and possibly out of order) until the whole message replaces them.
 */
export interface ChatFile {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface ChatMessage {
  conversationId: string;
  sequence: number;
  clientId: string;
  author: 'visitor' | 'agent' | 'ai' | 'system';
  agentId: string | null;
  authorName: string | null;
  text: string;
  files: ChatFile[];
  sentAt: string;
}

export interface Transcript {
  messages: ChatMessage[];
  /** Parts of answers still being written, by their message's client id. */
  streaming: Record<string, string[]>;
}

export const emptyTranscript: Transcript = { messages: [], streaming: {} };

export function lastSequence(transcript: Transcript): number {
  return transcript.messages.reduce((last, message) => Math.max(last, message.sequence), 0);
}

export function withMessages(transcript: Transcript, incoming: readonly ChatMessage[]): Transcript {
  const bySequence = new Map(transcript.messages.map((message) => [message.sequence, message]));
  for (const message of incoming) bySequence.set(message.sequence, message);
  const streaming = { ...transcript.streaming };
  for (const message of incoming) delete streaming[message.clientId];
  return { messages: [...bySequence.values()].sort((a, b) => a.sequence - b.sequence), streaming };
}

export function withPart(transcript: Transcript, { clientId, index, part }: { clientId: string; index: number; part: string }): Transcript {
  if (transcript.messages.some((message) => message.clientId === clientId)) return transcript;
  const parts = [...(transcript.streaming[clientId] ?? [])];
  parts[index] = part;
  return { ...transcript, streaming: { ...transcript.streaming, [clientId]: parts } };
}

/** The answers being written, as far as their parts arrived without a gap. */
export function streamingTexts(transcript: Transcript): { clientId: string; text: string }[] {
  return Object.entries(transcript.streaming).map(([clientId, parts]) => {
    const gap = parts.findIndex((part) => part === undefined);
    return { clientId, text: (gap === -1 ? parts : parts.slice(0, gap)).join('') };
  });
}
