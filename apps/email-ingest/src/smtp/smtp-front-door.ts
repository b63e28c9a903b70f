import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Readable } from 'node:stream';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { SmtpConfig } from '../config';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { AcceptInboundMailUseCase } from '../inbound/accept-inbound-mail.use-case';
import { SupportAddressDirectory } from '../support-addresses/support-address-directory';
import { RecipientPolicy } from './recipient-policy';
import { toSmtpReply } from './smtp-reply';

export const SMTP_CONFIG = Symbol('SMTP_CONFIG');

/** The SMTP listener: it only wires smtp-server's callbacks to the recipient policy and the accept use case. */
@Injectable()
export class SmtpFrontDoor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SmtpFrontDoor.name);
  private readonly recipients: RecipientPolicy;
  private readonly server: SMTPServer;

  constructor(
    @Inject(SMTP_CONFIG) private readonly config: SmtpConfig,
    private readonly acceptInboundMail: AcceptInboundMailUseCase,
    supportAddresses: SupportAddressDirectory,
  ) {
    this.recipients = new RecipientPolicy(supportAddresses, config.maxRecipients);
    this.server = new SMTPServer({
      name: config.serverName,
      banner: 'Helpgate ESMTP',
      size: config.maxMessageBytes,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: config.shutdownGraceMs,
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    this.server.on('error', (error) => this.logger.warn({ err: error }, 'SMTP connection error'));
  }

  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.logger.log({ smtp: `${this.config.host}:${this.config.port}` }, 'SMTP listening');
  }

  /** Stops accepting connections and lets sessions in progress finish, within the grace period. */
  async beforeApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    try {
      this.recipients.accept(address.address, session.envelope.rcptTo.length);
      callback();
    } catch (error) {
      callback(toSmtpReply(error));
    }
  }

  private onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    readWithin(stream, this.config.maxMessageBytes)
      .then((raw) => {
        if (!raw || stream.sizeExceeded) throw new IngestException(IngestErrorCode.MessageTooLarge, 'Message exceeds the size limit');
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        return this.acceptInboundMail.execute({
          raw,
          envelope: { mailFrom, rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()) },
          session: { remoteAddress: session.remoteAddress ?? null, heloName: session.hostNameAppearsAs || null },
        });
      })
      .then(
        ({ inboundMessageId }) => callback(null, `2.0.0 Ok: queued as ${inboundMessageId}`),
        (error: unknown) => {
          const reply = toSmtpReply(error);
          if (reply.responseCode >= 451 && reply.responseCode < 500) this.logger.error({ err: error }, 'inbound mail not accepted');
          callback(reply);
        },
      );
  }
}

/** Reads the whole message, or null when it is larger than the limit (the rest is drained, not kept). */
async function readWithin(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size <= maxBytes ? Buffer.concat(chunks) : null;
}
