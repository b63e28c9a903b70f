import { Injectable } from '@nestjs/common';
import { Counter, Histogram, register } from 'prom-client';
import type { ConversationOutcome } from '../conversations/conversation-state';

/** How a turn of the AI agent ended. */
export type AiTurnEnding = 'answered' | 'unsure' | 'handed_over' | 'dropped';

const waitBuckets = [5, 15, 30, 60, 120, 300, 600, 1200, 3600];

/** Metric objects are registered once per process; several Nest apps in one process (tests) share them. */
function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Live chat's numbers on `/metrics`: outcomes, time to the first human answer, waits, handoff reasons, ratings. */
@Injectable()
export class ChatMetrics {
  private readonly outcomes = metric(
    'helpgate_chat_conversations_ended_total',
    () =>
      new Counter({
        name: 'helpgate_chat_conversations_ended_total',
        help: 'Conversations ended, by outcome',
        labelNames: ['outcome'] as const,
      }),
  );
  private readonly firstHumanAnswer = metric(
    'helpgate_chat_first_human_answer_seconds',
    () =>
      new Histogram({
        name: 'helpgate_chat_first_human_answer_seconds',
        help: 'From entering the queue to the first message of an agent',
        buckets: waitBuckets,
      }),
  );
  private readonly waits = metric(
    'helpgate_chat_queue_wait_seconds',
    () =>
      new Histogram({
        name: 'helpgate_chat_queue_wait_seconds',
        help: 'Time in the queue until an agent took the conversation',
        buckets: waitBuckets,
      }),
  );
  private readonly handoffs = metric(
    'helpgate_chat_handoffs_total',
    () =>
      new Counter({
        name: 'helpgate_chat_handoffs_total',
        help: 'Conversations entering the human queue, by reason',
        labelNames: ['reason'] as const,
      }),
  );
  private readonly ratings = metric(
    'helpgate_chat_ratings_total',
    () => new Counter({ name: 'helpgate_chat_ratings_total', help: 'Ratings visitors gave, by score', labelNames: ['score'] as const }),
  );

  private readonly aiTurns = metric(
    'helpgate_chat_ai_turns_total',
    () =>
      new Counter({
        name: 'helpgate_chat_ai_turns_total',
        help: 'Turns of the AI agent, by how they ended (answered, unsure, handed_over, dropped: a person has the conversation)',
        labelNames: ['outcome'] as const,
      }),
  );

  aiTurnEnded(outcome: AiTurnEnding): void {
    this.aiTurns.inc({ outcome });
  }

  ended(outcome: ConversationOutcome): void {
    this.outcomes.inc({ outcome });
  }

  firstHumanAnswerAfter(queuedAt: Date, at: Date): void {
    this.firstHumanAnswer.observe((at.getTime() - queuedAt.getTime()) / 1000);
  }

  waited(queuedAt: Date, at: Date): void {
    this.waits.observe((at.getTime() - queuedAt.getTime()) / 1000);
  }

  handedOff(reason: string): void {
    this.handoffs.inc({ reason });
  }

  rated(score: number): void {
    this.ratings.inc({ score: String(score) });
  }
}
