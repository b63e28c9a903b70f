import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SMTPPoolSentMessageInfo } from 'nodemailer';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, OutboundMail, Topics } from '@helpgate/contracts';
import { OutboxEntry, TransactionalEvents } from '@helpgate/outbox';
import { GroupCommit } from '../shared/group-commit';
import { MailRelay } from './mail-relay';
import { attemptKey, ClaimedDelivery, FinishedAttempt, OutboundDeliveriesRepository } from './outbound-deliveries.repository';
import { recordWithinLease } from './record-within-lease';
import { classifyRelayFailure, RelayFailure } from './relay-failure';
import { toRelayMessage } from './relay-message';
import { nextStep, RetryPolicy } from './retry-schedule';

export const RETRY_POLICY = Symbol('RETRY_POLICY');

/** The contract bounds the relay's reply and the error text in the outcome events. */
const maxReportedTextLength = 2000;

/** An attempt's outcome as it is recorded: the row's change, the event that announces it, and what is logged. */
interface AttemptRecord {
  delivery: ClaimedDelivery;
  finished: FinishedAttempt;
  event?: OutboxEntry;
  log: { message: string; details: Record<string, unknown> };
}

/**
 * Outcomes that finish while one is being recorded wait and go in the next transaction together: the deliveries a
 * sender claims at once are sent at once and end together, and one transaction for each made a burst of
 * acknowledgements cost a commit, an outbox round and a Kafka batch in tickets and identity per mail.
 */
const outcomeCommitLimits = { maxItems: 64, maxInFlight: 1 };

/**
 * One attempt at a claimed delivery: send it through the relay, then record the outcome. The row and the outcome
 * event change in one transaction, and only while this sender still holds the claim.
 */
@Injectable()
export class DeliverOutboundMailUseCase {
  private readonly logger = new Logger(DeliverOutboundMailUseCase.name);
  private readonly outcomes = new GroupCommit<AttemptRecord, boolean>((records) => this.recordAll(records), outcomeCommitLimits);

  constructor(
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly relay: MailRelay,
    private readonly events: TransactionalEvents,
    @Inject(RETRY_POLICY) private readonly policy: RetryPolicy,
  ) {}

  async execute(delivery: ClaimedDelivery): Promise<void> {
    const record =
      delivery.attempt > this.policy.maxAttempts
        ? // Only claims whose sender died mid-send get here: a mail that crashes us must not loop forever.
          this.failureRecord(delivery, { retryable: true, reason: 'the last attempts were interrupted', code: 'INTERRUPTED' })
        : await this.attempt(delivery);
    // Once the relay has answered, a database restart must not cost the outcome: the claim would run out and the
    // mail be sent again.
    const recorded = await recordWithinLease(() => this.outcomes.submit(record), delivery.leaseEndsAt);
    this.logOutcome(record, recorded);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<AttemptRecord> {
    const { mail } = delivery;
    const attachments = await this.deliveries.findAttachments(mail.attachmentIds);
    let info: SMTPPoolSentMessageInfo;
    try {
      info = await this.relay.send(toRelayMessage(mail, attachments));
    } catch (error) {
      return this.failureRecord(delivery, classifyRelayFailure(error));
    }
    return {
      delivery,
      finished: { requestId: mail.requestId, attempt: delivery.attempt, status: 'delivered', lastError: null },
      event: { topic: Topics.EmailOutboundDelivered, key: mail.requestId, event: deliveredEvent(mail, info) },
      log: { message: 'outbound mail delivered', details: { rejectedRecipients: info.rejected.length } },
    };
  }

  private failureRecord(delivery: ClaimedDelivery, failure: RelayFailure): AttemptRecord {
    const { mail } = delivery;
    const step = nextStep(failure, delivery.attempt, this.policy);
    const { code, responseCode, status, reason } = failure;
    const attempt = { requestId: mail.requestId, attempt: delivery.attempt, lastError: reason };
    if (step.action === 'give-up') {
      return {
        delivery,
        finished: { ...attempt, status: 'failed' },
        event: { topic: Topics.EmailOutboundFailed, key: mail.requestId, event: failedEvent(mail, failure, step.permanent) },
        log: { message: 'outbound mail failed', details: { code, responseCode, status, permanent: step.permanent } },
      };
    }
    return {
      delivery,
      finished: { ...attempt, status: 'queued', retryInMs: step.delayMs },
      log: { message: 'outbound mail deferred', details: { code, responseCode, status, retryInMs: step.delayMs } },
    };
  }

  /** Records outcomes in one transaction; for each, whether its claim still held, so that it counted. */
  private async recordAll(records: AttemptRecord[]): Promise<boolean[]> {
    const stillClaimed = await this.events.run(async (manager, outbox) => {
      const finished = await this.deliveries.finishAttempts(
        records.map((record) => record.finished),
        manager,
      );
      await outbox.addAll(records.flatMap(({ finished: attempt, event }) => (event && finished.has(attemptKey(attempt)) ? [event] : [])));
      return finished;
    });
    return records.map((record) => stillClaimed.has(attemptKey(record.finished)));
  }

  /** Ids and codes only: addresses, subjects and the relay's reply (which may quote an address) stay out. */
  private logOutcome({ delivery, log }: AttemptRecord, recorded: boolean): void {
    const ids = { requestId: delivery.mail.requestId, messageId: delivery.mail.messageId, attempt: delivery.attempt };
    if (recorded) this.logger.log({ ...ids, ...log.details }, log.message);
    else this.logger.warn(ids, 'outcome dropped: the claim ran out and another sender took the delivery over');
  }
}

function outcomeOf({ requestId, messageId, kind, ticketId, contactId }: OutboundMail) {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), requestId, messageId, kind, ticketId, contactId };
}

function deliveredEvent(mail: OutboundMail, info: SMTPPoolSentMessageInfo): EmailOutboundDeliveredV1 {
  const outcome = outcomeOf(mail);
  return {
    ...outcome,
    acceptedRecipients: info.accepted,
    relayResponse: info.response.slice(0, maxReportedTextLength),
    deliveredAt: outcome.occurredAt,
  };
}

function failedEvent(mail: OutboundMail, failure: RelayFailure, permanent: boolean): EmailOutboundFailedV1 {
  const outcome = outcomeOf(mail);
  return {
    ...outcome,
    source: 'relay',
    permanent,
    recipients: failure.rejectedRecipients ?? [...mail.to, ...mail.cc].map((recipient) => recipient.address),
    status: failure.status,
    error: failure.reason.slice(0, maxReportedTextLength),
    failedAt: outcome.occurredAt,
  };
}
