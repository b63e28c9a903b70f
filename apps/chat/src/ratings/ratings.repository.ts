import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface Rating {
  score: number;
  comment?: string;
}

@Injectable()
export class RatingsRepository {
  /** Stores the visitor's rating of a conversation; false when it was rated before (a rating is given once). */
  async rate(conversationId: string, rating: Rating, manager: EntityManager): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO chat_ratings (conversation_id, score, comment) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING conversation_id',
      [conversationId, rating.score, rating.comment ?? null],
    );
    return inserted.length === 1;
  }

  async ratingOf(conversationId: string, manager: EntityManager): Promise<Rating | null> {
    const [row]: { score: number; comment: string | null }[] = await manager.query(
      'SELECT score, comment FROM chat_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    if (!row) return null;
    return row.comment === null ? { score: row.score } : { score: row.score, comment: row.comment };
  }
}
