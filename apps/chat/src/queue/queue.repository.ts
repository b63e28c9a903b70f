import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface QueueEntry {
  conversationId: string;
  visitorId: string;
  reason: string;
  language: string | null;
  enqueuedAt: Date;
  position: number;
}

/** The human queue, in chat's database: shared by every instance, kept across restarts. */
@Injectable()
export class QueueRepository {
  async add(conversationId: string, reason: string, placement: 'back' | 'front', manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO queue_entries (conversation_id, reason, front) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO UPDATE SET reason = excluded.reason, front = excluded.front, enqueued_at = now()`,
      [conversationId, reason, placement === 'front'],
    );
  }

  async remove(conversationId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM queue_entries WHERE conversation_id = $1', [conversationId]);
  }

  /** The queue in order: chats given back by a dropped agent first, then by time of arrival. */
  async ordered(manager: EntityManager): Promise<QueueEntry[]> {
    const rows: { conversation_id: string; visitor_id: string; reason: string; language: string | null; enqueued_at: Date }[] =
      await manager.query(
        `SELECT q.conversation_id, c.visitor_id, q.reason, c.language, q.enqueued_at
           FROM queue_entries q JOIN conversations c ON c.id = q.conversation_id
          ORDER BY q.front DESC, q.enqueued_at, q.conversation_id`,
      );
    return rows.map((row, index) => ({
      conversationId: row.conversation_id,
      visitorId: row.visitor_id,
      reason: row.reason,
      language: row.language,
      enqueuedAt: row.enqueued_at,
      position: index + 1,
    }));
  }

  /** How long the last accepted conversations waited (newest first), for the wait estimate. */
  async recentAcceptWaitsMs(limit: number, manager: EntityManager): Promise<number[]> {
    const rows: { wait_ms: number }[] = await manager.query(
      `SELECT (extract(epoch FROM assigned_at - queued_at) * 1000)::float8 AS wait_ms FROM conversations
        WHERE assigned_at IS NOT NULL AND queued_at IS NOT NULL AND assigned_at >= queued_at
        ORDER BY assigned_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => Math.round(row.wait_ms));
  }
}
