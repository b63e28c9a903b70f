import { Injectable } from '@nestjs/common';
import { IdentityAgentChangedV1, Topics } from '@helpgate/contracts';
import { TransactionalEvents } from '@helpgate/outbox';
import { QueueSignal } from '../realtime/chat-transactions';
import { AgentsRepository } from './agents.repository';

/** The staff chat routes to, as identity describes it: languages, chat capacity, active or not. */
@Injectable()
export class AgentDirectory {
  constructor(
    private readonly events: TransactionalEvents,
    private readonly agents: AgentsRepository,
    private readonly queueSignal: QueueSignal,
  ) {}

  async learn(event: IdentityAgentChangedV1): Promise<void> {
    const handled = await this.events.runOnce(event, Topics.IdentityAgentChanged, (manager) =>
      this.agents.learn(event.agent, new Date(event.occurredAt), manager),
    );
    // A capacity raised or an agent activated may take waiting conversations.
    if (handled) this.queueSignal.moved.next();
  }
}
