import { Inject, Injectable } from '@nestjs/common';
import { AcceptedMessage, MailAuthentication } from '@helpgate/contracts';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { ParsedInboundMail, parseInboundMail } from './parse-inbound-mail';
import { ReadAhead } from './read-ahead';
import { SenderAuthenticationService } from './sender-authentication.service';

export const OWN_DOMAINS = Symbol('OWN_DOMAINS');
/** Whether this instance reads the mail it accepts ahead of its record: only when it also consumes those records. */
export const READ_AHEAD = Symbol('READ_AHEAD');

export interface MailReading {
  authentication: MailAuthentication;
  outcome: { mail: ParsedInboundMail } | { malformed: string };
}

type MailToRead = Pick<AcceptedMessage, 'inboundMessageId' | 'envelope' | 'session'>;

/**
 * Readings started ahead hold at most this many raw bytes, and are forgotten after this long when no record took them.
 * A reading waits for its record for about one batch of the consumer; a consumer far behind reads as it did before.
 */
const readAheadLimits = { maxBytes: 16 * 1024 * 1024, maxAgeMs: 30_000 };

/**
 * Reads a stored message: parses it and authenticates its sender (SPF, DKIM and DMARC with the session facts of its
 * receipt). The instance that accepted a message and consumes its records too starts reading it right after its 250:
 * parsing takes a few dozen turns of the event loop (mailparser's streams), each a few milliseconds when the loop is
 * busy with SMTP, Kafka and Postgres, which the accepted record's batch otherwise waited out after the record arrived,
 * with every record behind it in the partition.
 */
@Injectable()
export class MailReader {
  private readonly ahead = new ReadAhead<MailReading>(readAheadLimits);

  constructor(
    private readonly authenticator: SenderAuthenticationService,
    @Inject(OWN_DOMAINS) private readonly ownDomains: readonly string[],
    @Inject(READ_AHEAD) private readonly readsAhead: boolean,
  ) {}

  /** Starts reading a message just made durable, for the record about it to find. */
  readAhead(message: MailToRead, raw: Buffer): void {
    if (!this.readsAhead) return;
    // From the next turn of the event loop, so that the 250 goes out first.
    this.ahead.start(message.inboundMessageId, raw.length, () => new Promise(setImmediate).then(() => this.readNow(message, raw)));
  }

  /** The reading started ahead for this message, or a new one. */
  read(message: MailToRead, raw: Buffer): Promise<MailReading> {
    return this.ahead.take(message.inboundMessageId) ?? this.readNow(message, raw);
  }

  private async readNow(message: MailToRead, raw: Buffer): Promise<MailReading> {
    const [outcome, authentication] = await Promise.all([
      parseInboundMail(raw, message.envelope, this.ownDomains).then(
        (mail) => ({ mail }),
        (error: unknown) => {
          if (error instanceof IngestException && error.code === IngestErrorCode.MalformedMessage) return { malformed: error.message };
          throw error;
        },
      ),
      this.authenticator.authenticate(raw, { ...message.session, envelopeFrom: message.envelope.mailFrom }),
    ]);
    return { authentication, outcome };
  }
}
