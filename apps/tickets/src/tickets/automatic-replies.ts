import { Inject, Injectable } from '@nestjs/common';
import type { TicketMailConfig } from '../config';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { TicketWork } from './ticket-work';
import { TicketsRepository } from './tickets.repository';

/**
 * Mail nobody wrote by hand (acknowledgements, templates mailed by rules) goes to one address at most a few times per
 * window, so Helpgate and an auto-responder that does not say so can never keep answering each other.
 */
@Injectable()
export class AutomaticReplies {
  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly tickets: TicketsRepository,
  ) {}

  /** Counts one more automatic mail to the address, unless the limit is reached (then false: do not send it). */
  async take(recipient: string, work: TicketWork): Promise<boolean> {
    const since = new Date(Date.now() - this.config.autoReplyWindowMinutes * 60_000);
    return this.tickets.takeAutomaticReply(recipient, since, this.config.autoReplyLimit, work.manager);
  }
}
