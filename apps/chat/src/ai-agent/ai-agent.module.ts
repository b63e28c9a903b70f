import { Module } from '@nestjs/common';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ConversationsModule } from '../conversations/conversations.module';
import { ArticleSearchService } from '../knowledge-base/article-search.service';
import { MessagesModule } from '../messages/messages.module';
import { QueueModule } from '../queue/queue.module';
import { AI_AGENT, AiAgent, NoAiAgent } from './ai-agent';
import { AiConversations } from './ai-conversations.service';
import { BuiltinAiAgent, PassageSearch } from './builtin-agent';
import { LlmAiAgent } from './llm/llm-agent';

/** The passages an agent answers from: the best three, the reader's translation where there is one. */
const passagesFrom =
  (articles: ArticleSearchService): PassageSearch =>
  (question, language) =>
    articles.search({ q: question, language: language ?? undefined, limit: 3 });

/** The AI agent `CHAT_AI_AGENT` names. */
export function createAiAgent(settings: ChatSettings, articles: ArticleSearchService): AiAgent {
  switch (settings.aiAgent) {
    case 'none':
      return new NoAiAgent();
    case 'builtin':
      return new BuiltinAiAgent(passagesFrom(articles));
    case 'llm':
      // The config refuses `llm` without a URL and a model.
      return new LlmAiAgent(settings.ai.llm!, passagesFrom(articles));
  }
}

/** The AI agent chosen by settings, and the conversation turns it takes before the people do. */
@Module({
  imports: [ConversationsModule, MessagesModule, QueueModule],
  providers: [{ provide: AI_AGENT, useFactory: createAiAgent, inject: [CHAT_SETTINGS, ArticleSearchService] }, AiConversations],
  exports: [AI_AGENT, AiConversations],
})
export class AiAgentModule {}
