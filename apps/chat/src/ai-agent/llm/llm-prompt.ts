import type { SearchResultDto } from '../../knowledge-base/article.dto';
import type { AiTurn } from '../ai-agent';

/** The tool the model calls to hand the conversation to a person. */
export const handoffTool = {
  type: 'function',
  function: {
    name: 'handoff_to_person',
    description:
      'Hand the conversation to a person from the support team: when the visitor asks for one, or when the articles do not answer and a person could.',
    parameters: { type: 'object', properties: { reason: { type: 'string', description: 'Why, in a few words' } }, required: [] },
  },
} as const;

export interface CompletionMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** How many earlier messages the model sees: enough for a follow-up question, bounded for the prompt's size. */
const historyLimit = 12;

/**
 * The messages of a chat completion: instructions grounded on the retrieved passages (each with its title and link),
 * the conversation so far (the visitor as `user`, the AI as `assistant`; people's and Helpgate's notices are not the
 * model's turns), and the visitor's newest message.
 */
export function buildCompletionMessages(turn: AiTurn, passages: readonly SearchResultDto[]): CompletionMessage[] {
  const sources = passages.length
    ? passages.map((passage, index) => `[${index + 1}] ${passage.title} (${passage.link})\n${passage.snippet}`).join('\n\n')
    : '(no article matched the question)';
  const instructions = [
    'You are the support assistant of a help desk. Answer only from the help-center articles below; do not invent facts.',
    'End your answer with the title and link of the article you used.',
    // A person is offered only when one can take the chat; otherwise the mail (ticket) path is.
    turn.personReachable
      ? 'If the articles do not answer the question, say so plainly instead of guessing, and offer to hand over to a person.'
      : 'If the articles do not answer the question, say so plainly instead of guessing.',
    turn.language
      ? `Answer in the visitor's language (ISO 639-1 code "${turn.language}"), whatever the language of the articles.`
      : "Answer in the language of the visitor's message.",
    turn.personReachable
      ? 'If the visitor asks for a person, or a person is needed, call the handoff_to_person tool.'
      : 'Nobody from the team can chat now: if a person is needed, say the visitor can ask for one and will be answered by mail.',
    `Help-center articles:\n${sources}`,
  ].join('\n');
  const history = turn.history
    .slice(-historyLimit)
    .flatMap((message): CompletionMessage[] =>
      message.author === 'visitor'
        ? [{ role: 'user', content: message.text }]
        : message.author === 'ai'
          ? [{ role: 'assistant', content: message.text }]
          : [],
    );
  return [{ role: 'system', content: instructions }, ...history, { role: 'user', content: turn.visitorMessage }];
}
