import { Inject, Injectable, Logger } from '@nestjs/common';
import { Automation, EmailInboundReceivedV1, Topics } from '@helpgate/contracts';
import { EventPublisher, recordForEvent } from '@helpgate/kafka';
import type { QuarantineConfig } from '../config';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { BounceRecorder } from '../outbound/bounce-recorder';
import { QuarantineReason, quarantineReasonFor } from '../quarantine/quarantine-policy';
import { QuarantineRepository } from '../quarantine/quarantine.repository';
import { SupportAddressDirectory } from '../support-addresses/support-address-directory';
import { inboundIdsFor } from './inbound-message-id';
import { GroupCommit } from './group-commit';
import { InboundMessagesRepository, InboundMessageToStore } from './inbound-messages.repository';
import { MailEnvelope, parseInboundMail } from './parse-inbound-mail';
import { SenderAuthenticator, SmtpSessionFacts } from './sender-authenticator';

export const OWN_DOMAINS = Symbol('OWN_DOMAINS');
export const QUARANTINE_CONFIG = Symbol('QUARANTINE_CONFIG');

/** Mails committed together at most: well within Postgres' 65,535 parameters per statement, attachments included. */
const maxMailsPerCommit = 64;

interface MailToAccept {
  stored: InboundMessageToStore;
  event: EmailInboundReceivedV1;
  sender: string;
  automation?: Automation;
  quarantineReason: QuarantineReason | null;
}

export interface ReceivedMail {
  raw: Buffer;
  envelope: MailEnvelope;
  session: Omit<SmtpSessionFacts, 'envelopeFrom'>;
}

/**
 * Makes a received message durable: the raw message and its attachments are stored and the inbound
 * event acknowledged by every in-sync Kafka replica (or the message held in quarantine) before this
 * returns. Only then may SMTP answer 250. Mails finishing at about the same time share the commit.
 */
@Injectable()
export class AcceptInboundMailUseCase {
  private readonly logger = new Logger(AcceptInboundMailUseCase.name);
  private readonly storage = new GroupCommit<MailToAccept, void>((batch) => this.storeAndPublish(batch), maxMailsPerCommit);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly publisher: EventPublisher,
    private readonly authenticator: SenderAuthenticator,
    private readonly supportAddresses: SupportAddressDirectory,
    private readonly bounces: BounceRecorder,
    @Inject(OWN_DOMAINS) private readonly ownDomains: readonly string[],
    @Inject(QUARANTINE_CONFIG) private readonly quarantineConfig: QuarantineConfig,
  ) {}

  async execute({ raw, envelope, session }: ReceivedMail): Promise<{ inboundMessageId: string }> {
    const [mail, authentication] = await Promise.all([
      parseInboundMail(raw, envelope, this.ownDomains),
      this.authenticator.authenticate(raw, { ...session, envelopeFrom: envelope.mailFrom }),
    ]);
    const supportAddress = this.supportAddresses.resolve(envelope.rcptTo[0]);
    if (!supportAddress) throw new IngestException(IngestErrorCode.UnknownRecipient, 'The support address was removed during the session');
    const receivedAt = new Date();
    const sender = mail.from.address.toLowerCase();
    const { sha256, attachments, ...summary } = mail;
    const { inboundMessageId, eventId } = inboundIdsFor(sha256, envelope);
    const event: EmailInboundReceivedV1 = {
      eventId,
      occurredAt: receivedAt.toISOString(),
      mail: {
        ...summary,
        attachments: attachments.map(({ content: _content, ...reference }) => reference),
        authentication,
        inboundMessageId,
        supportAddress: supportAddress.address,
        ...(supportAddress.defaultCategory ? { supportAddressCategory: supportAddress.defaultCategory } : {}),
        rawMessage: { sha256, sizeBytes: raw.length },
        receivedAt: receivedAt.toISOString(),
      },
    };
    try {
      const floodWindowStart = new Date(receivedAt.getTime() - this.quarantineConfig.floodWindowMinutes * 60_000);
      const quarantineReason = quarantineReasonFor({
        automation: mail.automation,
        authentication,
        recentFromSender: await this.inboundMessages.countRecentFromSender(sender, floodWindowStart, this.quarantineConfig.floodLimit),
        floodLimit: this.quarantineConfig.floodLimit,
      });
      await this.storage.submit({
        stored: {
          raw: { sha256, content: raw },
          receipt: {
            id: inboundMessageId,
            sender,
            messageId: mail.messageId,
            envelopeFrom: envelope.mailFrom,
            envelopeTo: envelope.rcptTo,
            remoteAddress: session.remoteAddress,
            receivedAt,
          },
          attachments: attachments.map(({ id, filename, contentType, content }) => ({ sha256: id, filename, contentType, content })),
        },
        event,
        sender,
        automation: mail.automation,
        quarantineReason,
      });
      if (quarantineReason) this.logger.warn({ inboundMessageId, reason: quarantineReason }, 'inbound mail held in quarantine');
    } catch (error) {
      throw new IngestException(IngestErrorCode.NotDurable, 'The message could not be stored and published', { cause: error });
    }
    this.logger.log({ inboundMessageId, sizeBytes: raw.length, attachments: attachments.length }, 'inbound mail accepted');
    return { inboundMessageId };
  }

  /**
   * One transaction and one Kafka produce for every mail of the batch: the raw messages, receipts and attachments,
   * the bounces recorded and the mail held in quarantine commit together after Kafka acknowledged the events of
   * the others. A mail sent twice within a batch is stored and published once.
   */
  private async storeAndPublish(batch: readonly MailToAccept[]): Promise<void[]> {
    const distinct = [...new Map(batch.map((mail) => [mail.event.mail.inboundMessageId, mail])).values()];
    await this.inboundMessages.storeBatchThen(
      distinct.map((mail) => mail.stored),
      async (manager) => {
        for (const mail of distinct) {
          await this.bounces.recordIfOurs(mail.automation, manager);
          if (mail.quarantineReason) await this.quarantine.hold(mail.event.mail.inboundMessageId, mail.quarantineReason, mail.event, manager);
        }
        await this.publisher.publishRecords(
          distinct
            .filter((mail) => !mail.quarantineReason)
            .map((mail) => recordForEvent(Topics.EmailInboundReceived, mail.sender, mail.event)),
        );
      },
    );
    return batch.map(() => undefined);
  }
}
