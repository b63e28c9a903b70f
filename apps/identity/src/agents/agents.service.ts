import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Topics } from '@helpgate/contracts';
import { Outbox, TransactionalEvents } from '@helpgate/outbox';
import type { PageOf, Page } from '@helpgate/platform';
import type { AccessConfig } from '../config';
import { IdentityErrorCode, IdentityException } from '../domain/identity.exception';
import { AccessRepository } from '../access/access.repository';
import { ACCESS_CONFIG, OneTimeLinksService } from '../access/one-time-links.service';
import { hashPassword } from '../access/password-hash';
import { SessionsService } from '../sessions/sessions.service';
import { Agent, agentLinkRecipient } from './agent';
import { AgentDto, CreateAgentDto, toAgentDto, UpdateAgentDto } from './agent.dto';
import { AgentsRepository } from './agents.repository';

/** Taken while the first admin is created, so replicas starting together create one. */
const firstAdminLock = 0x6167656e74; // "agent"

/** The staff: admins manage agents; every change is published as `identity.agent.changed.v1` for tickets and chat. */
@Injectable()
export class AgentsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AgentsService.name);

  constructor(
    private readonly events: TransactionalEvents,
    private readonly agents: AgentsRepository,
    private readonly access: AccessRepository,
    private readonly links: OneTimeLinksService,
    private readonly sessions: SessionsService,
    @Inject(ACCESS_CONFIG) private readonly config: AccessConfig,
  ) {}

  /** The first admin comes from settings, once, while there is no agent at all. */
  async onApplicationBootstrap(): Promise<void> {
    const firstAdmin = this.config.firstAdmin;
    if (!firstAdmin) return;
    const passwordHash = await hashPassword(firstAdmin.password);
    await this.events.run(async (manager, outbox) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [firstAdminLock]);
      if (await this.agents.anyExists(manager)) return;
      const admin = await this.agents.create(
        { email: firstAdmin.email, name: firstAdmin.name, role: 'admin', languages: ['en'], chatCapacity: 3 },
        manager,
      );
      await this.access.setPassword('agent', admin!.id, passwordHash, manager);
      await publishAgent(admin!, outbox);
      this.logger.log({ agentId: admin!.id }, 'first admin created from settings');
    });
  }

  async list(page: Page): Promise<PageOf<AgentDto>> {
    const [agents, total] = await this.agents.list(page);
    return { items: agents.map(toAgentDto), total, ...page };
  }

  async get(id: string): Promise<AgentDto> {
    return toAgentDto(await this.requireAgent(id));
  }

  /** Adds an agent and mails them a link to choose their password. */
  async create(input: CreateAgentDto): Promise<AgentDto> {
    const agent = await this.events.run(async (manager, outbox) => {
      const created = await this.agents.create(input, manager);
      if (!created) throw new IdentityException(IdentityErrorCode.AgentEmailTaken, `An agent with ${input.email} exists`);
      await publishAgent(created, outbox);
      await this.links.mailLink('agent_invitation', agentLinkRecipient(created), manager, outbox);
      return created;
    });
    this.logger.log({ agentId: agent.id, role: agent.role }, 'agent created');
    return toAgentDto(agent);
  }

  async update(id: string, changes: UpdateAgentDto): Promise<AgentDto> {
    const agent = await this.events.run(async (manager, outbox) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [firstAdminLock]);
      const updated = await this.agents.update(id, changes, manager);
      if (!updated) throw agentNotFound(id);
      await this.requireAnActiveAdmin(manager);
      if (!updated.active) await this.sessions.endAllOf({ kind: 'agent', id }, 'deactivated', manager);
      await publishAgent(updated, outbox);
      return updated;
    });
    this.logger.log({ agentId: id, fields: Object.keys(changes) }, 'agent changed');
    return toAgentDto(agent);
  }

  /** An admin sends an agent a new set-password link. */
  async sendPasswordLink(id: string): Promise<void> {
    const agent = await this.requireAgent(id);
    await this.events.run((manager, outbox) => this.links.mailLink('password_reset', agentLinkRecipient(agent), manager, outbox));
  }

  private async requireAnActiveAdmin(manager: EntityManager): Promise<void> {
    if ((await this.agents.activeAdminCount(manager)) === 0) {
      throw new IdentityException(IdentityErrorCode.LastAdminProtected, 'The last active admin cannot be demoted or deactivated');
    }
  }

  private async requireAgent(id: string): Promise<Agent> {
    const agent = await this.agents.findById(id);
    if (!agent) throw agentNotFound(id);
    return agent;
  }
}

const agentNotFound = (id: string) => new IdentityException(IdentityErrorCode.AgentNotFound, `No agent ${id}`);

async function publishAgent(agent: Agent, outbox: Outbox): Promise<void> {
  const { id, name, email, role, languages, chatCapacity, active } = agent;
  await outbox.add(Topics.IdentityAgentChanged, id, {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    agent: { id, name, email, role, languages, chatCapacity, active },
  });
}
