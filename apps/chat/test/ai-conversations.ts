import { register } from 'prom-client';
import type { MessageView } from '../src/protocol/protocol';
import { eventually } from '../../../test/support/infra';
import { ChatUnderTest, clientId, VisitorClient } from './chat-under-test';

/** A visitor asking for a person in three languages: `[language, text]`. */
export const requestsForAPerson = [
  ['English', 'can I talk to a person'],
  ['French', "je veux parler à quelqu'un"],
  ['Italian', 'posso parlare con un operatore?'],
] as const;

/** A visitor's message; answers the stored message. */
export const say = (visitor: VisitorClient, text: string, more: Record<string, unknown> = {}) =>
  visitor.request<MessageView>('message.send', { clientId: clientId(), text, ...more });

/** The AI's answer to a visitor message, as the visitor receives it. */
export const aiAnswerTo = (visitor: VisitorClient, message: MessageView) =>
  visitor.next<MessageView>('message', (m) => m.conversationId === message.conversationId && m.clientId === `ai:${message.sequence}`);

/** What chat recorded of a conversation's handover. */
export async function handoverOf(chat: ChatUnderTest, conversationId: string) {
  const { rows } = await chat.database.query<{
    state: string;
    queue_reason: string | null;
    ai_handover_reason: string | null;
    language: string | null;
  }>('SELECT state, queue_reason, ai_handover_reason, language FROM conversations WHERE id = $1', [conversationId]);
  return rows[0]!;
}

/** Waits until the AI handed the conversation over, and answers the record. */
export const handedOver = (chat: ChatUnderTest, conversationId: string) =>
  eventually(async () => {
    const record = await handoverOf(chat, conversationId);
    expect(record.ai_handover_reason).not.toBeNull();
    return record;
  });

/** How many turns of the AI agent ended that way in this process (chat's metric). */
export async function aiTurns(outcome: 'answered' | 'unsure' | 'handed_over' | 'dropped'): Promise<number> {
  const metric = register.getSingleMetric('helpgate_chat_ai_turns_total');
  const values = metric ? (await metric.get()).values : [];
  return values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}
