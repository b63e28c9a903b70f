import { IdentityChatRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { OpenChatTicketUseCase } from './open-chat-ticket.use-case';

@EventConsumer()
export class ChatRequesterResolvedConsumer {
  constructor(private readonly openChatTicket: OpenChatTicketUseCase) {}

  @ConsumeEvent(Topics.IdentityChatRequesterResolved)
  async onChatRequesterResolved(event: IdentityChatRequesterResolvedV1): Promise<void> {
    await this.openChatTicket.execute(event);
  }
}
