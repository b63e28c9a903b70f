import { Inject, Injectable, Logger } from '@nestjs/common';
import { AcceptedMessage, EmailInboundAcceptedV1, EmailInboundReceivedV1, MailAuthentication, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import type { QuarantineConfig } from '../config';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { BounceRecorder } from '../outbound/bounce-recorder';
import { quarantineReasonFor } from '../quarantine/quarantine-policy';
import { QuarantineRepository } from '../quarantine/quarantine.repository';
import { inboundIdsFor } from './inbound-message-id';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { ParsedInboundMail, parseInboundMail } from './parse-inbound-mail';
import { SenderAuthenticator } from './sender-authenticator';

export const OWN_DOMAINS = Symbol('OWN_DOMAINS');
export const QUARANTINE_CONFIG = Symbol('QUARANTINE_CONFIG');

/** How long a record may wait for the transaction that stored its message before the handler retries later. */
const storingWaitMs = 30_000;
const storingPollMs = 20;

/** The transaction that stores a message is still running: the record is retried, never skipped. */
class MessageStillBeingStored extends Error {
  readonly retriable = true;
}

/**
 * Reads a message accepted over SMTP, after its 250: parses it, authenticates the sender (SPF, DKIM and DMARC
 * with the session facts kept with the receipt), records a bounce of our own mail, stores the attachments and
 * publishes `email.inbound.received.v1` through the outbox, or holds the message in quarantine: flood, loop,
 * DMARC failure, or a message that cannot be read (malformed). Each accepted record is handled once by its
 * event id; a record of a message whose storing was rolled back (its sender got a 451) is skipped unrecorded,
 * so the same message sent again is handled when it arrives.
 */
@Injectable()
export class ProcessAcceptedMailUseCase {
  private readonly logger = new Logger(ProcessAcceptedMailUseCase.name);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly authenticator: SenderAuthenticator,
    private readonly bounces: BounceRecorder,
    private readonly events: TransactionalEvents,
    @Inject(OWN_DOMAINS) private readonly ownDomains: readonly string[],
    @Inject(QUARANTINE_CONFIG) private readonly quarantineConfig: QuarantineConfig,
  ) {}

  async execute(accepted: EmailInboundAcceptedV1): Promise<void> {
    const { message } = accepted;
    const { inboundMessageId } = message;
    const raw = await this.storedRawOf(message);
    if (!raw) {
      this.logger.warn(
        { inboundMessageId, eventId: accepted.eventId },
        'accepted record of a message whose storing was rolled back; skipped',
      );
      return;
    }
    const [reading, authentication] = await Promise.all([
      this.read(raw, message),
      this.authenticator.authenticate(raw, { ...message.session, envelopeFrom: message.envelope.mailFrom }),
    ]);
    if ('malformed' in reading) return this.holdMalformed(accepted, authentication, reading.malformed);

    const { mail } = reading;
    const sender = mail.from.address.toLowerCase();
    const { sha256: _sha256, attachments, ...summary } = mail;
    const event = receivedEvent(message, {
      ...summary,
      attachments: attachments.map(({ content: _content, ...reference }) => reference),
      authentication,
    });
    const floodWindowStart = new Date(Date.parse(message.receivedAt) - this.quarantineConfig.floodWindowMinutes * 60_000);
    const quarantineReason = quarantineReasonFor({
      automation: mail.automation,
      authentication,
      recentFromSender: await this.inboundMessages.countRecentFromSender(sender, floodWindowStart, this.quarantineConfig.floodLimit),
      floodLimit: this.quarantineConfig.floodLimit,
    });
    const handled = await this.events.runOnce(accepted, Topics.EmailInboundAccepted, async (manager, outbox) => {
      await this.inboundMessages.recordReading(manager, inboundMessageId, {
        sender,
        messageId: mail.messageId,
        attachments: attachments.map(({ id, filename, contentType, content }) => ({ sha256: id, filename, contentType, content })),
      });
      await this.bounces.recordIfOurs(mail.automation, manager);
      if (quarantineReason) await this.quarantine.hold(inboundMessageId, quarantineReason, event, manager);
      else await outbox.add(Topics.EmailInboundReceived, sender, event);
    });
    if (!handled) return;
    if (quarantineReason) this.logger.warn({ inboundMessageId, reason: quarantineReason }, 'inbound mail held in quarantine');
    this.logger.log({ inboundMessageId, attachments: attachments.length }, 'inbound mail read');
  }

  /**
   * The stored raw message, or null when its storing was rolled back. Kafka acknowledges the record before the
   * storing transaction commits, so a receipt not visible yet is waited for while that transaction runs.
   */
  private async storedRawOf(message: AcceptedMessage): Promise<Buffer | null> {
    const deadline = Date.now() + storingWaitMs;
    for (;;) {
      const raw = await this.inboundMessages.findRawOf(message.inboundMessageId);
      if (raw) return raw;
      const status = await this.inboundMessages.transactionStatus(message.storedInTransaction);
      if (status === 'committed') return this.inboundMessages.findRawOf(message.inboundMessageId);
      if (status !== 'in progress') return null;
      if (Date.now() > deadline) throw new MessageStillBeingStored(`transaction ${message.storedInTransaction} still stores the message`);
      await new Promise((resolve) => setTimeout(resolve, storingPollMs));
    }
  }

  private async read(raw: Buffer, message: AcceptedMessage): Promise<{ mail: ParsedInboundMail } | { malformed: string }> {
    try {
      return { mail: await parseInboundMail(raw, message.envelope, this.ownDomains) };
    } catch (error) {
      if (error instanceof IngestException && error.code === IngestErrorCode.MalformedMessage) return { malformed: error.message };
      throw error;
    }
  }

  /** Kept, never dropped: an agent sees why, can download the raw message, and can release what is left of it. */
  private async holdMalformed(accepted: EmailInboundAcceptedV1, authentication: MailAuthentication, reason: string): Promise<void> {
    const { message } = accepted;
    const sender = (message.envelope.mailFrom ?? 'mailer-daemon').toLowerCase();
    const messageId = `<${message.rawMessage.sha256}@helpgate.invalid>`;
    const event = receivedEvent(message, {
      messageId,
      references: [],
      from: { address: sender },
      to: [],
      cc: [],
      subject: '',
      text: '',
      textTruncated: false,
      replyText: '',
      attachments: [],
      isAutomated: false,
      authentication,
    });
    const handled = await this.events.runOnce(accepted, Topics.EmailInboundAccepted, async (manager) => {
      await this.inboundMessages.recordReading(manager, message.inboundMessageId, { sender, messageId, attachments: [] });
      await this.quarantine.hold(message.inboundMessageId, 'malformed', event, manager, reason);
    });
    if (handled)
      this.logger.warn(
        { inboundMessageId: message.inboundMessageId, reason: 'malformed', detail: reason },
        'inbound mail held in quarantine',
      );
  }
}

type ReadMail = Omit<
  EmailInboundReceivedV1['mail'],
  'inboundMessageId' | 'supportAddress' | 'supportAddressCategory' | 'rawMessage' | 'receivedAt'
>;

/** The event identity and tickets consume; its id and time come from the accepted message, so a redelivery publishes the same event. */
function receivedEvent(message: AcceptedMessage, mail: ReadMail): EmailInboundReceivedV1 {
  return {
    eventId: inboundIdsFor(message.rawMessage.sha256, message.envelope).eventId,
    occurredAt: message.receivedAt,
    mail: {
      ...mail,
      inboundMessageId: message.inboundMessageId,
      supportAddress: message.supportAddress,
      ...(message.supportAddressCategory ? { supportAddressCategory: message.supportAddressCategory } : {}),
      rawMessage: message.rawMessage,
      receivedAt: message.receivedAt,
    },
  };
}
