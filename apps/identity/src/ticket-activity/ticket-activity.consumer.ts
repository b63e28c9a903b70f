import { EventPattern, Payload } from '@nestjs/microservices';
import { Topics, TicketsTicketChangedV2 } from '@helpgate/contracts';
import { EventConsumer } from '@helpgate/kafka';
import { RecordTicketOpenedUseCase } from './record-ticket-opened.use-case';

@EventConsumer()
export class TicketActivityConsumer {
  constructor(private readonly recordTicketOpened: RecordTicketOpenedUseCase) {}

  @EventPattern(Topics.TicketsTicketChanged, { batch: true })
  async onTicketChanges(@Payload() events: TicketsTicketChangedV2[]): Promise<void> {
    await this.recordTicketOpened.execute(events.filter((event) => event.change === 'created'));
  }
}
