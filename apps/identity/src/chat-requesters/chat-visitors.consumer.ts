import { ChatConversationEscalatedV1, ChatVisitorIdentifiedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { ResolveChatRequesterUseCase } from './resolve-chat-requester.use-case';

@EventConsumer()
export class ChatVisitorsConsumer {
  constructor(private readonly resolveChatRequester: ResolveChatRequesterUseCase) {}

  @ConsumeEvent(Topics.ChatVisitorIdentified)
  async onVisitorIdentified(event: ChatVisitorIdentifiedV1): Promise<void> {
    await this.resolveChatRequester.identified(event);
  }

  @ConsumeEvent(Topics.ChatConversationEscalated)
  async onConversationEscalated(event: ChatConversationEscalatedV1): Promise<void> {
    await this.resolveChatRequester.escalated(event);
  }
}
