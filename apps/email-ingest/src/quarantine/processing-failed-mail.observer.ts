import { Injectable, Logger } from '@nestjs/common';
import { emailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import type { DeadLetterObserver, FailedRecord } from '@helpgate/kafka';
import { unreadMailEvent } from '../inbound/received-event';
import { QuarantineRepository } from './quarantine.repository';

/** Nothing was checked: the reading that would have authenticated the sender failed. */
const notAuthenticated = { spf: 'none', dkim: 'none', dmarc: 'none' } as const;

/**
 * An accepted message whose reading is dead-lettered would otherwise stay unread where no agent looks: it is held in
 * quarantine as `processing-failed`, with the reason, so agents see it and can release it (read it again).
 */
@Injectable()
export class ProcessingFailedMailObserver implements DeadLetterObserver {
  readonly topic = Topics.EmailInboundAccepted;
  private readonly logger = new Logger(ProcessingFailedMailObserver.name);

  constructor(private readonly quarantine: QuarantineRepository) {}

  async onDeadLetter({ value, reason }: FailedRecord): Promise<void> {
    const accepted = emailInboundAcceptedV1.safeParse(parseJson(value));
    if (!accepted.success) {
      // No message to show: the record names none. It stays in the dead-letter topic for operators.
      this.logger.warn({ reason }, 'dead-lettered accepted record names no message; nothing to quarantine');
      return;
    }
    const { event } = unreadMailEvent(accepted.data.message, notAuthenticated);
    await this.quarantine.holdUnprocessed(accepted.data, event, reason);
    this.logger.warn({ inboundMessageId: accepted.data.message.inboundMessageId }, 'mail whose reading failed held in quarantine');
  }
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
