import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, SendMailOptions, SMTPPoolOptions, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';

export interface RelaySettings {
  /** smtp:// or smtps:// URL of the relay, with credentials when it needs them. */
  url: string;
  /** The name we greet the relay with (EHLO). */
  heloName: string;
  /** Connections kept open to the relay; the sender claims this many deliveries at a time. */
  connections: number;
}

/**
 * The longest one send may take, waiting for a pooled connection included. It stays below the sender's
 * lease, so a delivery is never sent by two senders at once only because the relay was slow.
 */
export const relaySendTimeoutMs = 90_000;

/**
 * The one pooled SMTP transport to the relay, closed when the service stops. A burst of mail shares a few long-lived
 * sessions: nodemailer sends each message's MAIL, RCPT and DATA in one write when the relay advertises PIPELINING
 * (RFC 2920), lock-step otherwise, and resets the session with RSET after a refused message instead of reconnecting.
 */
export class MailRelay implements OnApplicationShutdown {
  readonly connections: number;
  private readonly transport: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(settings: RelaySettings) {
    this.connections = settings.connections;
    this.transport = createTransport({
      pool: true,
      url: settings.url,
      name: settings.heloName,
      maxConnections: settings.connections,
      // nodemailer ends a session after 100 messages by default, so a burst of acknowledgements reconnected every
      // hundred. A session now lasts until it is idle for four minutes (nodemailer's idleTimeout, below the five
      // RFC 5321 asks servers to wait) or the relay ends it: a message it had not begun is then sent over a new
      // connection, one cut off mid-way fails as retryable and goes through the retry schedule.
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
      dnsTimeout: 10_000,
      // Messages carry stored content only; never let a request make us read files or fetch URLs.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  send(message: SendMailOptions): Promise<SMTPPoolSentMessageInfo> {
    return this.transport.sendMail({ ...message, signal: AbortSignal.timeout(relaySendTimeoutMs) });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
