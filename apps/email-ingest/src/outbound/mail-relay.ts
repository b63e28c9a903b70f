import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, SendMailOptions, SMTPPoolOptions, SMTPPoolSentMessageInfo, Transporter } from 'nodemailer';

export interface RelaySettings {
  /** smtp:// or smtps:// URL of the relay, with credentials when it needs them. */
  url: string;
  /** The name we greet the relay with (EHLO). */
  heloName: string;
}

/** Connections kept open to the relay; a sender claims this many deliveries at a time. */
export const relayConnections = 5;

/**
 * The longest one send may take, waiting for a pooled connection included. It stays below the sender's
 * lease, so a delivery is never sent by two senders at once only because the relay was slow.
 */
export const relaySendTimeoutMs = 90_000;

/** The one pooled SMTP transport to the relay, closed when the service stops. */
export class MailRelay implements OnApplicationShutdown {
  private readonly transport: Transporter<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

  constructor(settings: RelaySettings) {
    this.transport = createTransport({
      pool: true,
      url: settings.url,
      name: settings.heloName,
      maxConnections: relayConnections,
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
