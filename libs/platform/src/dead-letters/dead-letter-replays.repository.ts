import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface DeadLetterReplay {
  partition: number;
  offset: string;
  replayedBy: string;
  replayedAt: Date;
}

/** The replays of this service's dead letters, oldest first. */
@Injectable()
export class DeadLetterReplaysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ofTopic(topic: string): Promise<DeadLetterReplay[]> {
    const rows: { partition: number; offset: string; replayed_by: string; replayed_at: Date }[] = await this.dataSource.query(
      `SELECT partition, dead_letter_offset::text AS offset, replayed_by, replayed_at FROM dead_letter_replays
       WHERE topic = $1 ORDER BY id`,
      [topic],
    );
    return rows.map((row) => ({ partition: row.partition, offset: row.offset, replayedBy: row.replayed_by, replayedAt: row.replayed_at }));
  }

  /** Records a replay and runs `publish` in the same transaction, so a replay Kafka did not take is not recorded. */
  async record(topic: string, replay: Omit<DeadLetterReplay, 'replayedAt'>, publish: () => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager: EntityManager) => {
      await manager.query(
        'INSERT INTO dead_letter_replays (topic, partition, dead_letter_offset, replayed_by) VALUES ($1, $2, $3, $4)',
        [topic, replay.partition, replay.offset, replay.replayedBy],
      );
      await publish();
    });
  }
}
