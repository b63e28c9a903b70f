import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@helpgate/contracts';
import { EventPublisher } from '@helpgate/kafka';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { MailEnvelope, parseInboundMail } from './parse-inbound-mail';
import { SenderAuthenticator, SmtpSessionFacts } from './sender-authenticator';
import { SupportAddressDirectory } from '../support-addresses/support-address-directory';

export const OWN_DOMAINS = Symbol('OWN_DOMAINS');

export interface ReceivedMail {
  raw: Buffer;
  envelope: MailEnvelope;
  session: Omit<SmtpSessionFacts, 'envelopeFrom'>;
}

/**
 * Makes a received message durable: the raw message and its attachments are stored and the inbound
 * event acknowledged by every in-sync Kafka replica before this returns. Only then may SMTP answer 250.
 */
@Injectable()
export class AcceptInboundMailUseCase {
  private readonly logger = new Logger(AcceptInboundMailUseCase.name);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly publisher: EventPublisher,
    private readonly authenticator: SenderAuthenticator,
    private readonly supportAddresses: SupportAddressDirectory,
    @Inject(OWN_DOMAINS) private readonly ownDomains: readonly string[],
  ) {}

  async execute({ raw, envelope, session }: ReceivedMail): Promise<{ inboundMessageId: string }> {
    const [mail, authentication] = await Promise.all([
      parseInboundMail(raw, envelope, this.ownDomains),
      this.authenticator.authenticate(raw, { ...session, envelopeFrom: envelope.mailFrom }),
    ]);
    const supportAddress = this.supportAddresses.resolve(envelope.rcptTo[0]);
    if (!supportAddress) throw new IngestException(IngestErrorCode.UnknownRecipient, 'The support address was removed during the session');
    const inboundMessageId = randomUUID();
    const receivedAt = new Date();
    const { sha256, attachments, ...summary } = mail;
    try {
      await this.inboundMessages.storeThenPublish(
        { sha256, content: raw },
        {
          id: inboundMessageId,
          messageId: mail.messageId,
          envelopeFrom: envelope.mailFrom,
          envelopeTo: envelope.rcptTo,
          remoteAddress: session.remoteAddress,
          receivedAt,
        },
        attachments.map(({ id, filename, contentType, content }) => ({ sha256: id, filename, contentType, content })),
        () =>
          this.publisher.publish(Topics.EmailInboundReceived, mail.from.address.toLowerCase(), {
            eventId: randomUUID(),
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
          }),
      );
    } catch (error) {
      throw new IngestException(IngestErrorCode.NotDurable, 'The message could not be stored and published', { cause: error });
    }
    this.logger.log({ inboundMessageId, sizeBytes: raw.length, attachments: attachments.length }, 'inbound mail accepted');
    return { inboundMessageId };
  }
}
