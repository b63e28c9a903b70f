import { Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { AcceptedMessage, EmailInboundAcceptedV1, Topics } from '@helpgate/contracts';
import { EventPublisher, recordForEvent } from '@helpgate/kafka';
import { sha256Hex } from '@helpgate/platform';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { SupportAddressDirectoryService } from '../support-addresses/support-address-directory.service';
import { GroupCommit } from '../shared/group-commit';
import { inboundIdsFor } from './inbound-message-id';
import { AcceptedInboundMessage, InboundMessagesRepository } from './inbound-messages.repository';
import type { MailEnvelope } from './parse-inbound-mail';
import type { SmtpSessionFacts } from './sender-authentication.service';

/** How mails share commits: at most 64 a commit (a bound on one statement's parameters and on the bytes of one
 * produce), and up to 4 commits in flight (each holds one of the pool's connections while Kafka acknowledges). */
export const commitLimits = { maxItems: 64, maxInFlight: 4 };

const mailsAwaitingStorage = new Gauge({
  name: 'helpgate_smtp_mails_awaiting_storage',
  help: 'Mails received over SMTP whose storing and publishing has not finished, so their senders still wait for a reply',
});

export interface ReceivedMail {
  raw: Buffer;
  envelope: MailEnvelope;
  session: Omit<SmtpSessionFacts, 'envelopeFrom'>;
}

interface MailToAccept {
  stored: AcceptedInboundMessage;
  accepted: Omit<EmailInboundAcceptedV1, 'message'> & { message: Omit<EmailInboundAcceptedV1['message'], 'storedInTransaction'> };
}

/**
 * Makes a received message durable, and nothing more, before SMTP may answer 250: the raw message and its
 * receipt (envelope and session facts) are stored and `email.inbound.accepted.v1` acknowledged by every
 * in-sync Kafka replica. Reading the message (parsing, authentication, quarantine, attachments) happens after
 * the 250, in ProcessAcceptedMailUseCase. Mails finishing at about the same time share the commit.
 */
@Injectable()
export class AcceptInboundMailUseCase {
  private readonly logger = new Logger(AcceptInboundMailUseCase.name);
  private readonly storage = new GroupCommit<MailToAccept, void>((batch) => this.storeAndPublish(batch), commitLimits);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly publisher: EventPublisher,
    private readonly supportAddresses: SupportAddressDirectoryService,
  ) {}

  async execute({ raw, envelope, session }: ReceivedMail): Promise<{ inboundMessageId: string }> {
    const supportAddress = this.supportAddresses.resolve(envelope.rcptTo[0]);
    if (!supportAddress) throw new IngestException(IngestErrorCode.UnknownRecipient, 'The support address was removed during the session');
    const receivedAt = new Date();
    const sha256 = sha256Hex(raw);
    const { inboundMessageId, acceptedEventId } = inboundIdsFor(sha256, envelope);
    mailsAwaitingStorage.inc();
    try {
      await this.storage.submit({
        stored: {
          raw: { sha256, content: raw },
          receipt: {
            id: inboundMessageId,
            envelopeFrom: envelope.mailFrom,
            envelopeTo: envelope.rcptTo,
            remoteAddress: session.remoteAddress,
            heloName: session.heloName,
            receivedAt,
          },
        },
        accepted: {
          eventId: acceptedEventId,
          occurredAt: receivedAt.toISOString(),
          message: {
            inboundMessageId,
            rawMessage: { sha256, sizeBytes: raw.length },
            envelope,
            session,
            supportAddress: supportAddress.address,
            ...(supportAddress.defaultCategory ? { supportAddressCategory: supportAddress.defaultCategory } : {}),
            receivedAt: receivedAt.toISOString(),
          },
        },
      });
    } catch (error) {
      throw new IngestException(IngestErrorCode.NotDurable, 'The message could not be stored and published', { cause: error });
    } finally {
      mailsAwaitingStorage.dec();
    }
    return { inboundMessageId };
  }

  /**
   * One transaction and one Kafka produce for every mail of the batch; the transaction commits only once Kafka
   * acknowledged all the records. A mail sent twice within a batch is stored and published once. One log line
   * names the batch's mails: a line per mail cost the front door a few per cent of its CPU (pino and its writes, in a profile).
   */
  private async storeAndPublish(batch: readonly MailToAccept[]): Promise<void[]> {
    const distinct = [...new Map(batch.map((mail) => [mail.stored.receipt.id, mail])).values()];
    await this.inboundMessages.storeBatchThen(
      distinct.map((mail) => mail.stored),
      (storedInTransaction) =>
        this.publisher.publishRecords(
          distinct.map(({ accepted }) =>
            recordForEvent(Topics.EmailInboundAccepted, partitionKeyOf(accepted.message), {
              ...accepted,
              message: { ...accepted.message, storedInTransaction },
            }),
          ),
        ),
    );
    this.logger.log(
      {
        inboundMessageIds: distinct.map((mail) => mail.stored.receipt.id),
        sizeBytes: distinct.map((mail) => mail.stored.raw.content.length),
      },
      'inbound mail accepted',
    );
    return batch.map(() => undefined);
  }
}

/**
 * One sender's mail is read in the order it arrived (the flood check counts what was read before), so records
 * are keyed by the envelope sender; bounces, from the null sender, spread by message.
 */
export function partitionKeyOf(message: Pick<AcceptedMessage, 'envelope' | 'inboundMessageId'>): string {
  return message.envelope.mailFrom?.toLowerCase() ?? message.inboundMessageId;
}
