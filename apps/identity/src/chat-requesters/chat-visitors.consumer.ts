import { EventPattern, Payload } from '@nestjs/microservices';
import { ChatConversationEscalatedV1, ChatVisitorIdentifiedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { ResolveChatRequesterUseCase } from './resolve-chat-requester.use-case';

@EventConsumer()
export class ChatVisitorsConsumer {
  constructor(private readonly resolveChatRequester: ResolveChatRequesterUseCase) {}

  @EventPattern(Topics.ChatVisitorIdentified)
  async onVisitorIdentified(@Payload() event: ChatVisitorIdentifiedV1): Promise<void> {
    await this.resolveChatRequester.identified(event);
  }

  @EventPattern(Topics.ChatConversationEscalated)
  async onConversationEscalated(@Payload() event: ChatConversationEscalatedV1): Promise<void> {
    await this.resolveChatRequester.escalated(event);
  }
}
