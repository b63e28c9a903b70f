import { Topics, TicketsTicketChangedV3 } from '@helpgate/contracts';
import { ConsumeEvent, EventConsumer } from '@helpgate/kafka';
import { RecordTicketActivityUseCase } from './record-ticket-activity.use-case';

@EventConsumer()
export class TicketActivityConsumer {
  constructor(private readonly recordTicketActivity: RecordTicketActivityUseCase) {}

  @ConsumeEvent(Topics.TicketsTicketChanged, { batch: true })
  async onTicketChanges(events: TicketsTicketChangedV3[]): Promise<void> {
    await this.recordTicketActivity.execute(events);
  }
}
