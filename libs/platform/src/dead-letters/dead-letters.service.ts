import { Inject, Injectable, Logger } from '@nestjs/common';
import { declaredTopicsOf } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { DEAD_LETTER_HEADERS, DeadLetterRecord, DeadLetterRecords, EventPublisher, KAFKA_CONFIG, replayOf } from '@helpgate/kafka';
import type { PageOf } from '../pagination';
import { DeadLetterReplaysRepository } from './dead-letter-replays.repository';
import {
  DeadLetterDetailDto,
  DeadLetterDto,
  DeadLetterListQueryDto,
  DeadLetterLocationDto,
  toDeadLetter,
  toDeadLetterDetail,
} from './dead-letters.dto';
import { DeadLetterErrorCode, DeadLetterException } from './dead-letters.exception';

export const DEAD_LETTER_SERVICE_NAME = Symbol('DEAD_LETTER_SERVICE_NAME');

/**
 * This service's dead letters: the records of the dead-letter topics of the topics it consumes that its own consumer
 * group put there (another service consuming the same topic has its own). A replay hands the event back to its
 * topic for this group only; the processed-events ledger makes a second replay of a handled event a no-op.
 */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger(DeadLettersService.name);

  constructor(
    private readonly records: DeadLetterRecords,
    private readonly replays: DeadLetterReplaysRepository,
    private readonly publisher: EventPublisher,
    @Inject(KAFKA_CONFIG) private readonly kafka: KafkaConfig,
    @Inject(DEAD_LETTER_SERVICE_NAME) private readonly service: string,
  ) {}

  /** The topics whose dead letters this service owns. */
  consumedTopics(): readonly string[] {
    return declaredTopicsOf(this.service) ?? [];
  }

  async list({ topic, limit, offset }: DeadLetterListQueryDto): Promise<PageOf<DeadLetterDto>> {
    const topics = topic === undefined ? this.consumedTopics() : [this.owned(topic)];
    const letters: DeadLetterDto[] = [];
    for (const each of topics) {
      const [records, replays] = await Promise.all([this.ownRecordsOf(each), this.replays.ofTopic(each)]);
      letters.push(...records.map((record) => toDeadLetter(record, replays)));
    }
    return { items: letters.slice(offset, offset + limit), total: letters.length, limit, offset };
  }

  async show(location: DeadLetterLocationDto): Promise<DeadLetterDetailDto> {
    const [record, replays] = await Promise.all([this.find(location), this.replays.ofTopic(location.topic)]);
    return toDeadLetterDetail(record, replays);
  }

  async replay(location: DeadLetterLocationDto, replayedBy: string): Promise<DeadLetterDetailDto> {
    const record = await this.find(location);
    await this.replays.record(location.topic, { partition: record.partition, offset: record.offset, replayedBy }, () =>
      this.publisher.publishRecords([replayOf(record, this.kafka.groupId)]),
    );
    this.logger.log({ topic: record.topic, partition: record.partition, offset: record.offset, replayedBy }, 'dead letter replayed');
    return this.show(location);
  }

  private async find({ topic, partition, offset }: DeadLetterLocationDto): Promise<DeadLetterRecord> {
    const record = (await this.ownRecordsOf(this.owned(topic))).find((each) => each.partition === partition && each.offset === offset);
    if (!record) throw new DeadLetterException(DeadLetterErrorCode.NotFound, `No dead letter of ${this.service} at ${topic} ${partition}/${offset}`);
    return record;
  }

  private owned(topic: string): string {
    if (!this.consumedTopics().includes(topic)) {
      throw new DeadLetterException(DeadLetterErrorCode.UnknownTopic, `${this.service} does not consume ${topic}`);
    }
    return topic;
  }

  private async ownRecordsOf(topic: string): Promise<DeadLetterRecord[]> {
    const records = await this.records.read(topic).catch((error: unknown) => {
      throw new DeadLetterException(DeadLetterErrorCode.Unreadable, `The dead letters of ${topic} could not be read`, { cause: error });
    });
    return records.filter((record) => record.headers[DEAD_LETTER_HEADERS.consumerGroup] === this.kafka.groupId);
  }
}
