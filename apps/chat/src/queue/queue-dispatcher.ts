import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AgentsRepository } from '../agents/agents.repository';
import { CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { ConversationEndings } from '../escalations/conversation-endings';
import { PresenceRepository } from '../presence/presence.repository';
import { ChatNotifier } from '../realtime/chat-notifier';
import { ChatTransaction, ChatTransactions, QueueSignal } from '../realtime/chat-transactions';
import { ChatErrorCode, ChatException } from '../domain/chat.exception';
import { AgentCandidate, chooseAgent } from '../routing/choose-agent';
import { estimateWaitMs } from './wait-estimate';
import { Assignments } from './assignments';
import { HandoffService } from './handoff.service';
import { waitedTooLong } from './handoff-decision';
import { QueueRepository } from './queue.repository';

/** Advisory lock keys: one instance routes at a time, one sweeps at a time. */
const routingLock = 0x63686174_01;
const sweepLock = 0x63686174_02;
const recentWaits = 20;

/**
 * Moves the queue on every instance's behalf: routes waiting conversations to available agents (an agent speaking the
 * conversation's language first), pushes positions and estimated waits to visitors, and sweeps on a timer (any
 * instance may; an advisory lock lets one at a time): chats of agents gone past their grace period go back to the
 * front of the queue, and waits past the limit go to the ticket path.
 */
@Injectable()
export class QueueDispatcher implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueDispatcher.name);
  private subscription?: Subscription;
  private sweepTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: ChatTransactions,
    private readonly signal: QueueSignal,
    private readonly queue: QueueRepository,
    private readonly agents: AgentsRepository,
    private readonly presence: PresenceRepository,
    private readonly conversations: ConversationsRepository,
    private readonly assignments: Assignments,
    private readonly handoff: HandoffService,
    private readonly endings: ConversationEndings,
    private readonly notifier: ChatNotifier,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  onModuleInit(): void {
    this.subscription = this.signal.moved.subscribe(() => this.kick());
    this.sweepTimer = setInterval(() => {
      this.sweep().then(
        () => this.kick(),
        (error: unknown) => this.logger.warn({ err: error }, 'queue sweep failed; the next one retries'),
      );
    }, this.settings.queue.sweepIntervalMs);
    this.sweepTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    clearInterval(this.sweepTimer);
    await this.running;
  }

  /** Routes and pushes positions now, or right after the run under way (changes during a run are never missed). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.routeAndTell()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'routing the queue failed; the next change retries'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async routeAndTell(): Promise<void> {
    await this.route();
    await this.tellPositions();
  }

  /** Gives each waiting conversation, in queue order, to the agent routing picks, while any agent has room. */
  private async route(): Promise<void> {
    await this.transactions.run(async (tx) => {
      await tx.manager.query('SELECT pg_advisory_xact_lock($1)', [routingLock]);
      const candidates = await this.agents.onlineCandidates(tx.manager);
      for (const entry of await this.queue.ordered(tx.manager)) {
        if (!(await this.routeOne(tx, entry.conversationId, entry.language, candidates))) return;
      }
    });
  }

  /** False when no agent has room left. Candidates are updated as conversations are given, or found full or taken. */
  private async routeOne(
    tx: ChatTransaction,
    conversationId: string,
    language: string | null,
    candidates: AgentCandidate[],
  ): Promise<boolean> {
    for (;;) {
      const choice = chooseAgent(candidates, language);
      if (!choice) return false;
      const chosen = candidates.find((candidate) => candidate.agentId === choice.agentId)!;
      try {
        await this.assignments.assignQueued(tx, conversationId, choice.agentId);
        chosen.activeChats += 1;
        chosen.lastAssignedAt = new Date();
        return true;
      } catch (error) {
        // An agent's accept from the console got there first: the conversation is taken, or the agent full.
        if (!(error instanceof ChatException)) throw error;
        if (error.code !== ChatErrorCode.CapacityReached) return true;
        chosen.activeChats = chosen.capacity;
      }
    }
  }

  private async tellPositions(): Promise<void> {
    const manager = this.dataSource.manager;
    const entries = await this.queue.ordered(manager);
    if (entries.length === 0) return;
    const candidates = await this.agents.onlineCandidates(manager);
    const availableAgentSlots = candidates
      .filter((candidate) => candidate.available)
      .reduce((slots, candidate) => slots + Math.max(0, candidate.capacity - candidate.activeChats), 0);
    const recentAcceptWaitsMs = await this.queue.recentAcceptWaitsMs(recentWaits, manager);
    const teamLanguages = await this.presence.languagesOnline(manager);
    for (const entry of entries) {
      const estimate = estimateWaitMs({ position: entry.position, availableAgentSlots, recentAcceptWaitsMs });
      this.notifier.toVisitor(entry.visitorId, 'queue.position', {
        conversationId: entry.conversationId,
        position: entry.position,
        estimatedWaitMs: estimate === null ? null : Math.round(estimate),
        teamLanguages,
      });
    }
  }

  /** One instance at a time; one that finds the lock taken skips this round. */
  async sweep(): Promise<void> {
    const { agentGraceMs, presenceLeaseMs, maxWaitMs } = this.settings.queue;
    await this.transactions.run(async (tx) => {
      const [{ locked }]: { locked: boolean }[] = await tx.manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [sweepLock]);
      if (!locked) return;
      for (const conversation of await this.conversations.assignedToAgentsGoneSince(agentGraceMs, tx.manager)) {
        await this.handoff.enqueue(tx, conversation, 'agent_disconnected', 'front');
      }
      const now = new Date();
      for (const entry of await this.queue.ordered(tx.manager)) {
        if (!waitedTooLong(entry.enqueuedAt, now, maxWaitMs)) continue;
        await this.endings.escalate(tx, await this.conversations.lock(entry.conversationId, tx.manager), 'wait_too_long');
      }
      await this.presence.purgeEndedBefore(agentGraceMs + presenceLeaseMs, tx.manager);
    });
  }
}
