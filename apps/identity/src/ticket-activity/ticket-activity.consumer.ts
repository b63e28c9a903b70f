import { Topics, TicketsTicketChangedV2 } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { RecordTicketOpenedUseCase } from './record-ticket-opened.use-case';

@EventConsumer()
export class TicketActivityConsumer {
  constructor(private readonly recordTicketOpened: RecordTicketOpenedUseCase) {}

  @ConsumeEvent(Topics.TicketsTicketChanged, { batch: true })
  async onTicketChanges(events: TicketsTicketChangedV2[]): Promise<void> {
    await this.recordTicketOpened.execute(events.filter((event) => event.change === 'created'));
  }
}
