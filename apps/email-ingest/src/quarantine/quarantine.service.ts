import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { addressedToGroup, EventPublisher, KAFKA_CONFIG, OutgoingRecord, recordForEvent } from '@helpgate/kafka';
import { partitionKeyOf } from '../inbound/accept-inbound-mail.use-case';
import type { PageOf } from '@helpgate/platform';
import { QuarantineErrorCode, QuarantineException } from './quarantine.exception';
import { HeldCountsDto, QuarantinedMessageDto, QuarantineQueryDto, toHeldCounts, toQuarantinedMessage } from './quarantine.dto';
import { releasedEvent } from './released-event';
import { QuarantineRepository } from './quarantine.repository';
import { QuarantinedMessageEntity } from './quarantined-message.entity';

/** What agents do with held mail: count it by kind, look at it, let it flow on as if it had just arrived, or discard it. */
@Injectable()
export class QuarantineService {
  private readonly logger = new Logger(QuarantineService.name);

  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly publisher: EventPublisher,
    @Inject(KAFKA_CONFIG) private readonly kafka: KafkaConfig,
  ) {}

  async list({ status, kind, limit, offset }: QuarantineQueryDto): Promise<PageOf<QuarantinedMessageDto>> {
    const [held, total] = await this.quarantine.list({ status, reason: kind }, { limit, offset });
    return { items: held.map(toQuarantinedMessage), total, limit, offset };
  }

  async countHeld(): Promise<HeldCountsDto> {
    return toHeldCounts(await this.quarantine.countHeldByKind());
  }

  async release(inboundMessageId: string): Promise<void> {
    await this.quarantine.withHeld(inboundMessageId, async (held, manager) => {
      if (!held) throw notHeld(inboundMessageId);
      await this.publisher.publishRecords([this.releaseRecordOf(held)]);
      await this.quarantine.setStatus(inboundMessageId, 'released', manager);
    });
    this.logger.log({ inboundMessageId }, 'quarantined mail released');
  }

  /**
   * A message read and held flows on as `email.inbound.received.v2`; one whose reading failed is handed back to this
   * service's own reading, addressed to its consumer group, to be read again.
   */
  private releaseRecordOf(held: QuarantinedMessageEntity): OutgoingRecord {
    if (held.acceptedEvent) {
      const accepted = held.acceptedEvent;
      return addressedToGroup(recordForEvent(Topics.EmailInboundAccepted, partitionKeyOf(accepted.message), accepted), this.kafka.groupId);
    }
    return recordForEvent(Topics.EmailInboundReceived, held.event.mail.from.address.toLowerCase(), releasedEvent(held));
  }

  /** Marks the message deleted; the raw message and the record stay, so nothing vanishes without a trace. */
  async discard(inboundMessageId: string): Promise<void> {
    await this.quarantine.withHeld(inboundMessageId, async (held, manager) => {
      if (!held) throw notHeld(inboundMessageId);
      await this.quarantine.setStatus(inboundMessageId, 'deleted', manager);
    });
    this.logger.log({ inboundMessageId }, 'quarantined mail discarded');
  }
}

function notHeld(inboundMessageId: string): QuarantineException {
  return new QuarantineException(QuarantineErrorCode.NotHeld, `No held message ${inboundMessageId}`);
}
