import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics, TicketsTicketChangedV2 } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { RecordTicketOpenedUseCase } from './record-ticket-opened.use-case';

@EventConsumer()
export class TicketActivityConsumer {
  constructor(private readonly recordTicketOpened: RecordTicketOpenedUseCase) {}

  @EventPattern(Topics.TicketsTicketChanged)
  async onTicketChanged(@Payload() event: TicketsTicketChangedV2): Promise<void> {
    if (event.change === 'created') await this.recordTicketOpened.execute(event);
  }
}
