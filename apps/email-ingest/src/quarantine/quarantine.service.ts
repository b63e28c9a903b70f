import { Injectable, Logger } from '@nestjs/common';
import { Topics } from '@helpgate/contracts';
import { EventPublisher } from '@helpgate/kafka';
import type { PageOf } from '@helpgate/platform';
import { QuarantineErrorCode, QuarantineException } from './quarantine.exception';
import { HeldCountsDto, QuarantinedMessageDto, QuarantineQueryDto, toHeldCounts, toQuarantinedMessage } from './quarantine.dto';
import { releasedEvent } from './released-event';
import { QuarantineRepository } from './quarantine.repository';

/** What agents do with held mail: count it by kind, look at it, let it flow on as if it had just arrived, or discard it. */
@Injectable()
export class QuarantineService {
  private readonly logger = new Logger(QuarantineService.name);

  constructor(
    private readonly quarantine: QuarantineRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async list({ status, limit, offset }: QuarantineQueryDto): Promise<PageOf<QuarantinedMessageDto>> {
    const [held, total] = await this.quarantine.list(status, { limit, offset });
    return { items: held.map(toQuarantinedMessage), total, limit, offset };
  }

  async countHeld(): Promise<HeldCountsDto> {
    return toHeldCounts(await this.quarantine.countHeldByKind());
  }

  async release(inboundMessageId: string): Promise<void> {
    await this.quarantine.withHeld(inboundMessageId, async (held, manager) => {
      if (!held) throw notHeld(inboundMessageId);
      await this.publisher.publish(Topics.EmailInboundReceived, held.event.mail.from.address.toLowerCase(), releasedEvent(held));
      await this.quarantine.setStatus(inboundMessageId, 'released', manager);
    });
    this.logger.log({ inboundMessageId }, 'quarantined mail released');
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
