import type { ChatEscalation, ChatEscalationReason, ChatTranscriptEntry } from '@helpgate/contracts';

/** Why the conversation became a ticket, as the ticket's readers are told. */
const becauseOf: Record<ChatEscalationReason, string> = {
  no_agent_available: 'no agent was available',
  outside_business_hours: 'it was outside business hours',
  wait_too_long: 'the wait for an agent was too long',
  visitor_left: 'the visitor left the chat',
  no_support_contract: 'the visitor has no active support contract',
  agent_choice: 'an agent chose to go on by mail',
};

/** `2026-12-05 10:02 UTC`: one time zone for every reader of the ticket. */
export function chatTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `Alex Agent`, `Helpbot (AI)`: the AI agent's answers are marked as such. */
function authorOf(entry: ChatTranscriptEntry): string {
  return entry.author === 'ai' ? `${entry.authorName} (AI)` : entry.authorName;
}

/** One message: its time, author and text, further lines of the text indented under it, then the files sent with it. */
function entryText(entry: ChatTranscriptEntry): string[] {
  const [first = '', ...rest] = entry.text.split(/\r?\n/);
  return [
    `[${chatTime(entry.sentAt)}] ${authorOf(entry)}: ${first}`,
    ...rest.map((line) => `    ${line}`),
    ...entry.files.map((file) => `    (file: ${file.filename})`),
  ];
}

/**
 * The conversation as the readable text of the ticket's first message: when it started and why it became a ticket,
 * then each message in sequence order.
 */
export function transcriptText(escalation: Pick<ChatEscalation, 'reason' | 'startedAt' | 'transcript'>): string {
  const entries = [...escalation.transcript].sort((a, b) => a.sequence - b.sequence);
  return [
    `Chat conversation started ${chatTime(escalation.startedAt)}; it became this ticket because ${becauseOf[escalation.reason]}.`,
    '',
    ...entries.flatMap(entryText),
  ].join('\n');
}
