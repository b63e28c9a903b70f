import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SMTPPoolSentMessageInfo } from 'nodemailer';
import { EmailOutboundDeliveredV1, EmailOutboundFailedV1, OutboundMail, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { MailRelay } from './mail-relay';
import { ClaimedDelivery, OutboundDeliveriesRepository } from './outbound-deliveries.repository';
import { recordWithinLease } from './record-within-lease';
import { classifyRelayFailure, RelayFailure } from './relay-failure';
import { toRelayMessage } from './relay-message';
import { nextStep, RetryPolicy } from './retry-schedule';

export const RETRY_POLICY = Symbol('RETRY_POLICY');

/** The contract bounds the relay's reply and the error text in the outcome events. */
const maxReportedTextLength = 2000;

type SendResult = { sent: true; info: SMTPPoolSentMessageInfo } | { sent: false; failure: RelayFailure };

/**
 * One attempt at a claimed delivery: send it through the relay, then record the outcome. The row and
 * the outcome event change in one transaction, and only while this sender still holds the claim.
 */
@Injectable()
export class DeliverOutboundMailUseCase {
  private readonly logger = new Logger(DeliverOutboundMailUseCase.name);

  constructor(
    private readonly deliveries: OutboundDeliveriesRepository,
    private readonly relay: MailRelay,
    private readonly events: TransactionalEvents,
    @Inject(RETRY_POLICY) private readonly policy: RetryPolicy,
  ) {}

  async execute(delivery: ClaimedDelivery): Promise<void> {
    if (delivery.attempt > this.policy.maxAttempts) {
      // Only claims whose sender died mid-send get here: a mail that crashes us must not loop forever.
      await this.recordFailure(delivery, { retryable: true, reason: 'the last attempts were interrupted', code: 'INTERRUPTED' });
      return;
    }
    const result = await this.send(delivery.mail);
    // Once the relay has answered, a database restart must not cost the outcome: the claim would run out and the
    // mail be sent again.
    await recordWithinLease(
      () => (result.sent ? this.recordDelivered(delivery, result.info) : this.recordFailure(delivery, result.failure)),
      delivery.leaseEndsAt,
    );
  }

  private async send(mail: OutboundMail): Promise<SendResult> {
    const attachments = await this.deliveries.findAttachments(mail.attachmentIds);
    try {
      return { sent: true, info: await this.relay.send(toRelayMessage(mail, attachments)) };
    } catch (error) {
      return { sent: false, failure: classifyRelayFailure(error) };
    }
  }

  private async recordDelivered(delivery: ClaimedDelivery, info: SMTPPoolSentMessageInfo): Promise<void> {
    const recorded = await this.events.run(async (manager, outbox) => {
      if (!(await this.deliveries.markDelivered(delivery, manager))) return false;
      await outbox.add(Topics.EmailOutboundDelivered, delivery.mail.requestId, deliveredEvent(delivery.mail, info));
      return true;
    });
    this.logOutcome(delivery, recorded, 'outbound mail delivered', { rejectedRecipients: info.rejected.length });
  }

  private async recordFailure(delivery: ClaimedDelivery, failure: RelayFailure): Promise<void> {
    const step = nextStep(failure, delivery.attempt, this.policy);
    const { code, responseCode, status } = failure;
    if (step.action === 'give-up') return this.giveUp(delivery, failure, step.permanent);
    const recorded = await this.deliveries.scheduleRetry(delivery, step.delayMs, failure.reason);
    this.logOutcome(delivery, recorded, 'outbound mail deferred', { code, responseCode, status, retryInMs: step.delayMs });
  }

  private async giveUp(delivery: ClaimedDelivery, failure: RelayFailure, permanent: boolean): Promise<void> {
    const recorded = await this.events.run(async (manager, outbox) => {
      if (!(await this.deliveries.markFailed(delivery, failure.reason, manager))) return false;
      await outbox.add(Topics.EmailOutboundFailed, delivery.mail.requestId, failedEvent(delivery.mail, failure, permanent));
      return true;
    });
    const { code, responseCode, status } = failure;
    this.logOutcome(delivery, recorded, 'outbound mail failed', { code, responseCode, status, permanent });
  }

  /** Ids and codes only: addresses, subjects and the relay's reply (which may quote an address) stay out. */
  private logOutcome(delivery: ClaimedDelivery, recorded: boolean, message: string, details: Record<string, unknown>): void {
    const ids = { requestId: delivery.mail.requestId, messageId: delivery.mail.messageId, attempt: delivery.attempt };
    if (recorded) this.logger.log({ ...ids, ...details }, message);
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
