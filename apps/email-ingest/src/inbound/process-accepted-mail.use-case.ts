import { Inject, Injectable, Logger } from '@nestjs/common';
import { AcceptedMessage, EmailInboundAcceptedV1, MailAuthentication, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import type { QuarantineConfig } from '../config';
import { IngestErrorCode, IngestException } from '../domain/ingest.exception';
import { BounceRecorderService } from '../outbound/bounce-recorder.service';
import { machineMailKindOf, QuarantineReason, quarantineReasonFor } from '../quarantine/quarantine-policy';
import { QuarantineRepository } from '../quarantine/quarantine.repository';
import { receivedEvent, unreadMailEvent } from './received-event';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { concernsOurMail, MachineMailEvidence, referencedMessageIds } from './machine-mail-evidence';
import { ParsedInboundMail, parseInboundMail } from './parse-inbound-mail';
import { SenderAuthenticationService } from './sender-authentication.service';
import { SenderErasureService } from '../erasures/sender-erasure.service';

export const OWN_DOMAINS = Symbol('OWN_DOMAINS');
export const QUARANTINE_CONFIG = Symbol('QUARANTINE_CONFIG');

/** Raw bytes and messages read at once, at most (one message larger than that is read on its own). */
const maxChunkBytes = 32 * 1024 * 1024;
const maxMessagesPerChunk = 100;

/** How long a record may wait for the transaction that stored its message before the handler retries later. */
const storingWaitMs = 30_000;
/**
 * The storing transaction commits one round trip after Kafka acknowledged the record, and the consumer may read the
 * record before that (a batch in seven at 10 mails a second, then one look 2 ms later sufficed): the first look again
 * comes soon, later ones further apart, where a fixed 20 ms made each such batch wait 20 ms.
 */
const firstStoringPollMs = 2;
const maxStoringPollMs = 20;

/** The transaction that stores a message is still running: the record is retried, never skipped. */
class MessageStillBeingStored extends Error {
  readonly retriable = true;
}

interface Reading {
  accepted: EmailInboundAcceptedV1;
  authentication: MailAuthentication;
  outcome: { mail: ParsedInboundMail } | { malformed: string };
}

/**
 * Reads messages accepted over SMTP, after their 250, a Kafka batch at a time: parses them, authenticates the
 * senders (SPF, DKIM and DMARC with the session facts kept with the receipt), records bounces of our own mail,
 * stores the attachments and publishes `email.inbound.received.v2` through the outbox, or holds a message in
 * quarantine: flood, loop, DMARC failure, a message that cannot be read (malformed), or machine mail that answers no
 * ticket and reports on none of our mails (held under its kind with the rule that recognised it). One transaction per
 * chunk of a batch; each accepted record is handled once by its event id. A record of a message whose storing was rolled
 * back (its sender got a 451) is skipped unrecorded, so the same message sent again is read when it arrives.
 */
@Injectable()
export class ProcessAcceptedMailUseCase {
  private readonly logger = new Logger(ProcessAcceptedMailUseCase.name);

  constructor(
    private readonly inboundMessages: InboundMessagesRepository,
    private readonly quarantine: QuarantineRepository,
    private readonly authenticator: SenderAuthenticationService,
    private readonly bounces: BounceRecorderService,
    private readonly erasure: SenderErasureService,
    private readonly events: TransactionalEvents,
    @Inject(OWN_DOMAINS) private readonly ownDomains: readonly string[],
    @Inject(QUARANTINE_CONFIG) private readonly quarantineConfig: QuarantineConfig,
  ) {}

  /**
   * Reads the batch in chunks bounded by the raw bytes they hold in memory, one transaction each: a chunk handled
   * is in the ledger, so when a later one fails and the batch is handed over again, it is not handled twice.
   */
  async execute(batch: readonly EmailInboundAcceptedV1[]): Promise<void> {
    let chunk: EmailInboundAcceptedV1[] = [];
    let chunkBytes = 0;
    for (const accepted of batch) {
      if (chunk.length > 0 && (chunk.length >= maxMessagesPerChunk || chunkBytes + accepted.message.rawMessage.sizeBytes > maxChunkBytes)) {
        await this.readChunk(chunk);
        chunk = [];
        chunkBytes = 0;
      }
      chunk.push(accepted);
      chunkBytes += accepted.message.rawMessage.sizeBytes;
    }
    if (chunk.length > 0) await this.readChunk(chunk);
  }

  private async readChunk(batch: readonly EmailInboundAcceptedV1[]): Promise<void> {
    const raws = await this.storedRawsOf(batch.map((accepted) => accepted.message));
    const stored = batch.filter((accepted) => {
      if (raws.has(accepted.message.inboundMessageId)) return true;
      this.logger.warn(
        { inboundMessageId: accepted.message.inboundMessageId, eventId: accepted.eventId },
        'accepted record of a message whose storing was rolled back; skipped',
      );
      return false;
    });
    if (stored.length === 0) return;
    const readings = new Map<string, Reading>();
    for (const reading of await Promise.all(stored.map((accepted) => this.read(accepted, raws.get(accepted.message.inboundMessageId)!)))) {
      readings.set(reading.accepted.eventId, reading);
    }
    // One window for the batch, from its earliest mail: a flood is counted a few seconds generously rather than missed.
    const earliest = Math.min(...stored.map((accepted) => Date.parse(accepted.message.receivedAt)));
    const recentFromSender = await this.inboundMessages.countRecentFromSenders(
      [...new Set([...readings.values()].flatMap(({ outcome }) => ('mail' in outcome ? [senderOf(outcome.mail)] : [])))],
      new Date(earliest - this.quarantineConfig.floodWindowMinutes * 60_000),
      this.quarantineConfig.floodLimit,
    );
    const knownMessageIds = await this.inboundMessages.knownMessageIds([
      ...new Set(
        [...readings.values()].flatMap(({ accepted, outcome }) =>
          'mail' in outcome && outcome.mail.isAutomated ? referencedMessageIds(machineMailEvidence(accepted.message, outcome.mail)) : [],
        ),
      ),
    ]);
    const held: { inboundMessageId: string; reason: QuarantineReason; rule?: string; detail?: string }[] = [];
    await this.events.runOnceEach(stored, Topics.EmailInboundAccepted, async (fresh, manager, outbox) => {
      const results = fresh.map((accepted) => this.judge(readings.get(accepted.eventId)!, recentFromSender, knownMessageIds));
      await this.inboundMessages.recordReadings(
        manager,
        results.map(({ reading }) => reading),
      );
      const erased = await this.erasure.eraseMailOfErasedSenders(
        fresh.map(({ message }, index) => ({
          inboundMessageId: message.inboundMessageId,
          addresses: [results[index].reading.sender, message.envelope.mailFrom],
          receivedAt: new Date(message.receivedAt),
        })),
        manager,
      );
      for (const inboundMessageId of erased) this.logger.log({ inboundMessageId }, 'mail of an erased contact erased as it was read');
      const kept = results.filter(({ reading }) => !erased.has(reading.inboundMessageId));
      for (const { automation } of kept) await this.bounces.recordIfOurs(automation, manager);
      for (const { reading, event, quarantine } of kept) {
        if (!quarantine) continue;
        await this.quarantine.hold(reading.inboundMessageId, quarantine, event, manager);
        held.push({ inboundMessageId: reading.inboundMessageId, ...quarantine });
      }
      await outbox.addAll(
        kept
          .filter(({ quarantine }) => !quarantine)
          .map(({ reading, event }) => ({ topic: Topics.EmailInboundReceived, key: reading.sender, event })),
      );
    });
    for (const entry of held) this.logger.warn(entry, 'inbound mail held in quarantine');
    this.logger.log({ messages: stored.length, held: held.length }, 'inbound mail read');
  }

  /**
   * The stored raw messages by receipt id; a message whose storing was rolled back has none. Kafka acknowledges a
   * record before the storing transaction commits, so receipts not visible yet are waited for while it runs.
   */
  private async storedRawsOf(messages: readonly AcceptedMessage[]): Promise<Map<string, Buffer>> {
    const raws = await this.inboundMessages.findRawsOf([...new Set(messages.map((message) => message.inboundMessageId))]);
    const deadline = Date.now() + storingWaitMs;
    let pollMs = firstStoringPollMs;
    let missing = messages.filter((message) => !raws.has(message.inboundMessageId));
    while (missing.length > 0) {
      const statuses = await this.inboundMessages.transactionStatuses([...new Set(missing.map((message) => message.storedInTransaction))]);
      const statusOf = (message: AcceptedMessage) => statuses.get(message.storedInTransaction);
      const pending = missing.filter((message) => statusOf(message) === 'committed' || statusOf(message) === 'in progress');
      if (pending.length === 0) break;
      for (const [id, raw] of await this.inboundMessages.findRawsOf(pending.map((message) => message.inboundMessageId))) raws.set(id, raw);
      missing = pending.filter((message) => !raws.has(message.inboundMessageId) && statusOf(message) === 'in progress');
      if (missing.length === 0) break;
      if (Date.now() > deadline) throw new MessageStillBeingStored(`transaction ${missing[0].storedInTransaction} still stores a message`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      pollMs = Math.min(pollMs * 2, maxStoringPollMs);
    }
    return raws;
  }

  private async read(accepted: EmailInboundAcceptedV1, raw: Buffer): Promise<Reading> {
    const { message } = accepted;
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
    return { accepted, authentication, outcome };
  }

  /** What becomes of one message read: the event it makes, and whether it is held; counts it for its sender's flood check. */
  private judge(
    { accepted, authentication, outcome }: Reading,
    recentFromSender: Map<string, number>,
    knownMessageIds: ReadonlySet<string>,
  ) {
    const { message } = accepted;
    if ('malformed' in outcome) {
      // Kept, never dropped: an agent sees why, can download the raw message, and can release what is left of it.
      const { sender, messageId, event } = unreadMailEvent(message, authentication);
      return {
        reading: { inboundMessageId: message.inboundMessageId, sender, messageId, attachments: [] },
        event,
        automation: undefined,
        quarantine: { reason: 'malformed' as const, detail: outcome.malformed },
      };
    }
    const { mail } = outcome;
    const sender = senderOf(mail);
    const { sha256: _sha256, machineMail, attachments, ...summary } = mail;
    const event = receivedEvent(message, {
      ...summary,
      attachments: attachments.map(({ content: _content, ...reference }) => reference),
      authentication,
    });
    const recent = recentFromSender.get(sender) ?? 0;
    recentFromSender.set(sender, recent + 1);
    const reason = quarantineReasonFor({
      automation: mail.automation,
      authentication,
      recentFromSender: recent,
      floodLimit: this.quarantineConfig.floodLimit,
      ...(mail.isAutomated
        ? { concernsOurMail: concernsOurMail(machineMailEvidence(message, mail), { ownDomains: this.ownDomains, knownMessageIds }) }
        : {}),
    });
    return {
      reading: {
        inboundMessageId: message.inboundMessageId,
        sender,
        messageId: mail.messageId,
        attachments: attachments.map(({ id, filename, contentType, content }) => ({ sha256: id, filename, contentType, content })),
      },
      event,
      automation: mail.automation,
      quarantine: reason
        ? { reason, ...(machineMail && reason === machineMailKindOf(mail.automation) ? { rule: machineMail.rule } : {}) }
        : undefined,
    };
  }
}

function machineMailEvidence(message: AcceptedMessage, mail: ParsedInboundMail): MachineMailEvidence {
  return {
    subject: mail.subject,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    aboutMessageId: mail.machineMail?.aboutMessageId,
    recipients: [...mail.to, ...mail.cc].map((mailbox) => mailbox.address).concat(message.envelope.rcptTo),
  };
}

function senderOf(mail: ParsedInboundMail): string {
  return mail.from.address.toLowerCase();
}
