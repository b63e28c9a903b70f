import { Injectable, Logger } from '@nestjs/common';
import { IdentityContactAnonymizedV2, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { SenderErasureService } from './sender-erasure.service';

/** Identity erased a contact: email-ingest erases the mail it holds under the addresses the contact had. */
@Injectable()
export class EraseContactMailUseCase {
  private readonly logger = new Logger(EraseContactMailUseCase.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly erasure: SenderErasureService,
  ) {}

  async execute(event: IdentityContactAnonymizedV2): Promise<void> {
    await this.events.runOnce(event, Topics.IdentityContactAnonymized, async (manager) => {
      const erased = await this.erasure.eraseAddresses(event.erased.emails, new Date(event.occurredAt), manager);
      this.logger.log({ contactId: event.contactId, ...erased }, "contact's mail erased");
    });
  }
}
