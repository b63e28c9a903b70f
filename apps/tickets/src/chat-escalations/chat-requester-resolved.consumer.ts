import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityChatRequesterResolvedV1, Topics } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { OpenChatTicketUseCase } from './open-chat-ticket.use-case';

@EventConsumer()
export class ChatRequesterResolvedConsumer {
  constructor(private readonly openChatTicket: OpenChatTicketUseCase) {}

  @EventPattern(Topics.IdentityChatRequesterResolved)
  async onChatRequesterResolved(@Payload() event: IdentityChatRequesterResolvedV1): Promise<void> {
    await this.openChatTicket.execute(event);
  }
}
