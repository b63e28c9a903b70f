import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Topics } from '@helpgate/contracts';
import { EventPublisher } from '@helpgate/kafka';
import { IngestException, IngestErrorCode } from '../domain/ingest.exception';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { MailEnvelope, parseInboundMail } from './parse-inbound-mail';

export interface ReceivedMail {
  raw: Buffer;
  envelope: MailEnvelope;
  remoteAddress: string | null;
}

/**
 * Makes a received message durable: the raw message is stored and the inbound event acknowledged by
 * every in-sync Kafka replica before this returns. Only then may the SMTP session answer 250.
 */
@Injectable()
export class AcceptInboundMailUseCase {
  private readonly logger = new Logger(AcceptInboundMailUseCase.name);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute({ raw, envelope, remoteAddress }: ReceivedMail): Promise<{ inboundMessageId: string }> {
    const mail = await parseInboundMail(raw, envelope);
    const inboundMessageId = randomUUID();
    const receivedAt = new Date();
    const { sha256, ...summary } = mail;
    try {
      await this.inboundMessages.storeThenPublish(
        { sha256, content: raw },
        {
          id: inboundMessageId,
          messageId: mail.messageId,
          envelopeFrom: envelope.mailFrom,
          envelopeTo: envelope.rcptTo,
          remoteAddress,
          receivedAt,
        },
        () =>
          this.publisher.publish(Topics.EmailInboundReceived, mail.from.address.toLowerCase(), {
            eventId: randomUUID(),
            occurredAt: receivedAt.toISOString(),
            mail: {
              ...summary,
              inboundMessageId,
              supportAddress: envelope.rcptTo[0],
              rawMessage: { sha256, sizeBytes: raw.length },
              receivedAt: receivedAt.toISOString(),
            },
          }),
      );
    } catch (error) {
      throw new IngestException(IngestErrorCode.NotDurable, 'The message could not be stored and published', { cause: error });
    }
    this.logger.log({ inboundMessageId, sizeBytes: raw.length }, 'inbound mail accepted');
    return { inboundMessageId };
  }
}
