import type { ChatMessage } from '../../help-center/lib/transcript';

export type AuthorRole = 'visitor' | 'agent' | 'ai' | 'system';

/**
 * Who wrote a message, as the agent's transcript shows it: the visitor by the name it gave, agents by theirs, and the
 * AI agent's part marked as such (an agent taking over must see what the visitor was already told, and by whom).
 */
export function authorOf(message: Pick<ChatMessage, 'author' | 'authorName'>, visitorName: string | null, words: AuthorWords): string {
  switch (message.author) {
    case 'visitor':
      return visitorName ?? words.visitor;
    case 'agent':
      return message.authorName ?? words.agent;
    case 'ai':
      return words.ai;
    default:
      return words.system;
  }
}

export interface AuthorWords {
  visitor: string;
  agent: string;
  ai: string;
  system: string;
}
