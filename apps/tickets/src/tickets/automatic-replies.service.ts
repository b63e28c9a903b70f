import { Inject, Injectable } from '@nestjs/common';
import type { TicketMailConfig } from '../config';
import { TICKET_MAIL_CONFIG } from '../tickets-config.module';
import { TicketWork } from './ticket-work';
import { AutomaticRepliesRepository } from './automatic-replies.repository';

/**
 * Mail nobody wrote by hand (acknowledgements, templates mailed by rules) goes to one address at most a few times per
 * window, so Helpgate and an auto-responder that does not say so can never keep answering each other. What a work
 * sends is counted in the work and written when it ends (`TicketWork`).
 */
@Injectable()
export class AutomaticRepliesService {
  constructor(
    @Inject(TICKET_MAIL_CONFIG) private readonly config: TicketMailConfig,
    private readonly sentMails: AutomaticRepliesRepository,
  ) {}

  /** Looks up, in one query, what the recipients were sent within the window (a batch of mail may answer each). */
  async lookUp(recipients: string[], work: TicketWork): Promise<void> {
    const unknown = [...new Set(recipients)].filter((recipient) => work.automaticRepliesTo(recipient) === undefined);
    if (unknown.length === 0) return;
    const sent = await this.sentMails.countsSince(unknown, this.windowStart(), work.manager);
    for (const recipient of unknown) work.knowAutomaticRepliesBefore(recipient, sent.get(recipient) ?? 0);
  }

  /** Counts one more automatic mail to the address, unless the limit is reached (then false: do not send it). */
  async take(recipient: string, work: TicketWork): Promise<boolean> {
    await this.lookUp([recipient], work);
    if (work.automaticRepliesTo(recipient)! >= this.config.autoReplyLimit) return false;
    work.countAutomaticReply(recipient);
    return true;
  }

  private windowStart(): Date {
    return new Date(Date.now() - this.config.autoReplyWindowMinutes * 60_000);
  }
}
