import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Readable } from 'node:stream';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { SmtpConfig } from '../config';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { AcceptInboundMailUseCase } from '../inbound/accept-inbound-mail.use-case';
import { SupportAddressDirectoryService } from '../support-addresses/support-address-directory.service';
import { ConnectionLimiter } from './connection-limiter';
import { hasBareLineBreakInHeader } from './header-line-breaks';
import { MessageRateLimiter } from './message-rate-limiter';
import { RecipientPolicy } from './recipient-policy';
import { toSmtpReply } from './smtp-reply';
import { readTlsCredentials } from './tls-credentials';

export const SMTP_CONFIG = Symbol('SMTP_CONFIG');

type SmtpCallback = (error?: Error | null) => void;

/** The SMTP listener: it only wires smtp-server's callbacks to the session limits, the recipient policy and the accept use case. */
@Injectable()
export class SmtpFrontDoor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SmtpFrontDoor.name);
  private readonly recipients: RecipientPolicy;
  private readonly connectionLimiter: ConnectionLimiter;
  private readonly messageRateLimiter: MessageRateLimiter;
  private readonly server: SMTPServer;

  constructor(
    @Inject(SMTP_CONFIG) private readonly config: SmtpConfig,
    private readonly acceptInboundMail: AcceptInboundMailUseCase,
    supportAddresses: SupportAddressDirectoryService,
  ) {
    this.recipients = new RecipientPolicy(supportAddresses, config.maxRecipients);
    this.connectionLimiter = new ConnectionLimiter(config.maxConnectionsPerClient);
    this.messageRateLimiter = new MessageRateLimiter(config.maxMessagesPerMinutePerClient);
    const tls = config.tls ? readTlsCredentials(config.tls) : undefined;
    this.server = new SMTPServer({
      name: config.serverName,
      banner: 'Helpgate ESMTP',
      size: config.maxMessageBytes,
      authOptional: true,
      // Without a certificate of ours smtp-server would offer STARTTLS with its built-in one, whose key is public.
      disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
      ...tls,
      // A reverse lookup would make every new session wait on DNS, for a name nothing here uses.
      disableReverseLookup: true,
      socketTimeout: config.idleTimeoutMs,
      closeTimeout: config.shutdownGraceMs,
      logger: false,
      onConnect: (session, callback) => this.onConnect(session, callback),
      onClose: (session) => this.connectionLimiter.release(session.id),
      onMailFrom: (_address, session, callback) => this.onMailFrom(session, callback),
      onRcptTo: (address, session, callback) => this.onRcptTo(address, session, callback),
      onData: (stream, session, callback) => this.onData(stream, session, callback),
    });
    this.server.on('error', (error: NodeJS.ErrnoException) =>
      this.logger.warn({ errorCode: error.code, reason: error.message }, 'SMTP connection error'),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.config.port, this.config.host, () => resolve());
    });
    this.logger.log({ smtp: `${this.config.host}:${this.config.port}`, starttls: Boolean(this.config.tls) }, 'SMTP listening');
  }

  /**
   * Stops accepting connections and lets sessions in progress finish, within the grace period: a message
   * being received is still answered, any later command gets `421` (smtp-server does both).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnect(session: SMTPServerSession, callback: SmtpCallback): void {
    if (this.connectionLimiter.admit(session.id, session.remoteAddress)) return callback();
    this.refuseOverLimit(
      session,
      new IngestException(IngestErrorCode.TooManyConnections, 'Too many connections from your address, try again later'),
      callback,
    );
  }

  private onMailFrom(session: SMTPServerSession, callback: SmtpCallback): void {
    if (this.messageRateLimiter.tryAcquire(session.remoteAddress, performance.now())) return callback();
    this.refuseOverLimit(
      session,
      new IngestException(IngestErrorCode.TooManyMessages, 'Too many messages from your address, try again later'),
      callback,
    );
  }

  private onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: SmtpCallback): void {
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
    this.useDataTimeoutWhileReceiving(session, stream);
    readWithin(stream, this.config.maxMessageBytes)
      .then((raw) => {
        if (!raw || stream.sizeExceeded) throw new IngestException(IngestErrorCode.MessageTooLarge, 'Message exceeds the size limit');
        // Only the header section is checked. A bare CR or LF in the body ends no message (smtp-server ends
        // DATA at CRLF.CRLF alone), mailparser reads a bare LF as a line end, and the raw message is kept
        // as received and never relayed, so refusing the sloppy senders that produce it would only lose mail.
        if (hasBareLineBreakInHeader(raw)) {
          throw new IngestException(IngestErrorCode.MalformedMessage, 'Message refused: bare CR or LF in header');
        }
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
          if (!stream.readableEnded) {
            this.logger.log({ sessionId: session.id }, 'session ended before its message did; nothing kept');
          } else if (reply.responseCode >= 451 && reply.responseCode < 500) {
            this.logger.error({ err: error }, 'inbound mail not accepted');
          } else if (error instanceof IngestException) {
            this.logger.log({ sessionId: session.id, code: error.code }, 'inbound mail refused');
          }
          callback(reply);
        },
      );
  }

  private refuseOverLimit(session: SMTPServerSession, refusal: IngestException, callback: SmtpCallback): void {
    this.logger.log({ sessionId: session.id, code: refusal.code }, 'SMTP session limit reached');
    callback(toSmtpReply(refusal));
  }

  /**
   * smtp-server has one inactivity timeout (`socketTimeout`) for a whole session and no option for DATA,
   * so while a message arrives its connection's socket gets the DATA timeout, and the idle one back once
   * the message is in. When it expires smtp-server answers `421` and closes the session, which cuts the
   * message stream short, so nothing of it is kept.
   */
  private useDataTimeoutWhileReceiving(session: SMTPServerSession, message: Readable): void {
    const socket = [...this.server.connections].find((connection) => connection.session === session)?._socket;
    if (!socket) return;
    socket.setTimeout(this.config.dataTimeoutMs);
    message.once('end', () => socket.setTimeout(this.config.idleTimeoutMs));
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
