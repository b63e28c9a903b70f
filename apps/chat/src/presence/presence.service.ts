import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { INSTANCE_ID, CHAT_SETTINGS } from '../chat-core.tokens';
import type { ChatSettings } from '../config';
import { AgentsRepository } from '../agents/agents.repository';
import type { ChosenStatus } from '../agents/agent.entity';
import { ChatNotifier } from '../realtime/chat-notifier';
import { QueueSignal } from '../realtime/chat-transactions';
import { Presence, PresenceRepository } from './presence.repository';

/** Agents' presence across instances: what they chose, while they have a live connection on any instance. */
@Injectable()
export class PresenceService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  private heartbeat?: NodeJS.Timeout;
  /** Set once the service stops: its sockets close with it, and their agents are not announced one by one. */
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly presence: PresenceRepository,
    private readonly agents: AgentsRepository,
    private readonly notifier: ChatNotifier,
    private readonly queueSignal: QueueSignal,
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(CHAT_SETTINGS) private readonly settings: ChatSettings,
  ) {}

  onModuleInit(): void {
    // Renewed three times per lease, so one late beat never makes a live agent look gone.
    this.heartbeat = setInterval(() => {
      this.presence
        .renewInstance(this.instanceId, this.settings.queue.presenceLeaseMs, this.dataSource.manager)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not renew the agent connections of this instance'));
    }, this.settings.queue.presenceLeaseMs / 3);
    this.heartbeat.unref();
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.heartbeat);
    // A graceful stop ends its connections now: their grace period starts at once, not when the lease lapses.
    await this.presence.endAllOfInstance(this.instanceId, this.dataSource.manager).catch(() => undefined);
  }

  async connected(socketId: string, agentId: string, status: ChosenStatus | undefined): Promise<void> {
    const manager = this.dataSource.manager;
    if (status) await this.agents.setChosenStatus(agentId, status, manager);
    await this.presence.connect({ socketId, agentId, instanceId: this.instanceId }, this.settings.queue.presenceLeaseMs, manager);
    await this.announce(agentId);
  }

  async disconnected(socketId: string, agentId: string): Promise<void> {
    await this.presence.disconnect(socketId, this.dataSource.manager);
    if (!this.stopping) await this.announce(agentId);
  }

  async choose(agentId: string, status: ChosenStatus): Promise<{ status: Presence }> {
    await this.agents.setChosenStatus(agentId, status, this.dataSource.manager);
    return { status: await this.announce(agentId) };
  }

  private async announce(agentId: string): Promise<Presence> {
    const status = await this.presence.presenceOf(agentId, this.dataSource.manager);
    this.notifier.toAllAgents('presence', { agentId, status });
    this.queueSignal.moved.next();
    return status;
  }
}
