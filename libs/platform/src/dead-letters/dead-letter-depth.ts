import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { deadLetterTopicOf } from '@helpgate/contracts';
import type { KafkaConfig } from '@helpgate/config';
import { DeadLetterRecords, KAFKA_CONFIG } from '@helpgate/kafka';
import { DeadLettersService } from './dead-letters.service';

const depth = new Gauge({
  name: 'helpgate_dead_letter_depth',
  help: 'Records retained in a dead-letter topic of a topic this service consumes (from its offsets; replayed ones included)',
  labelNames: ['topic'] as const,
});

/**
 * Keeps `helpgate_dead_letter_depth` up to date from the offsets of the service's dead-letter topics, every
 * `KAFKA_DEAD_LETTER_DEPTH_INTERVAL_MS`: one metadata request per topic, never a read of the records, so a scrape
 * costs nothing.
 */
@Injectable()
export class DeadLetterDepth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadLetterDepth.name);
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(
    private readonly records: DeadLetterRecords,
    private readonly deadLetters: DeadLettersService,
    @Inject(KAFKA_CONFIG) private readonly config: KafkaConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.deadLetters.consumedTopics().length === 0) return;
    const refresh = () => {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    };
    refresh();
    this.timer = setInterval(refresh, this.config.deadLetterDepthIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  private async refresh(): Promise<void> {
    try {
      for (const [topic, records] of await this.records.depths(this.deadLetters.consumedTopics())) {
        depth.set({ topic: deadLetterTopicOf(topic) }, records);
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the depth of the dead-letter topics');
    }
  }
}
