import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { ChatNamespace as Namespace } from '../gateways/chat-socket';

export const rooms = {
  /** Every socket of one visitor (tabs, devices of a signed-in contact). */
  visitor: (visitorId: string) => `visitor:${visitorId}`,
  /** Every socket of one agent. */
  agent: (agentId: string) => `agent:${agentId}`,
  /** Every agent connected to any instance. */
  agents: 'agents',
  /** The agents watching a conversation they do not have (a live one with the AI agent). */
  watching: (conversationId: string) => `watching:${conversationId}`,
};

/**
 * Emits to rooms of the two namespaces. Rooms are shared by every chat instance through the socket.io adapter, so an
 * event reaches the visitor or agent on whichever instance it is connected to.
 */
@Injectable()
export class ChatNotifier implements BeforeApplicationShutdown {
  private visitors?: Namespace;
  private agents?: Namespace;

  /** The servers close after this: what is still told while the service stops would reach nobody. */
  beforeApplicationShutdown(): void {
    this.visitors = undefined;
    this.agents = undefined;
  }

  attach(namespaces: { visitors?: Namespace; agents?: Namespace }): void {
    this.visitors = namespaces.visitors ?? this.visitors;
    this.agents = namespaces.agents ?? this.agents;
  }

  /** `exceptSocket`: the socket whose own request this answers, which has it in its acknowledgement. */
  toVisitor(visitorId: string, event: string, payload: unknown, exceptSocket?: string): void {
    this.visitors
      ?.to(rooms.visitor(visitorId))
      .except(exceptSocket ?? [])
      .emit(event, payload);
  }

  toAgent(agentId: string, event: string, payload: unknown, exceptSocket?: string): void {
    this.agents
      ?.to(rooms.agent(agentId))
      .except(exceptSocket ?? [])
      .emit(event, payload);
  }

  toWatchers(conversationId: string, event: string, payload: unknown): void {
    this.agents?.to(rooms.watching(conversationId)).emit(event, payload);
  }

  toAllAgents(event: string, payload: unknown): void {
    this.agents?.to(rooms.agents).emit(event, payload);
  }
}

/** What a transaction has to tell once it committed: nothing is emitted for a change that rolled back. */
export class Notices {
  private readonly pending: ((notifier: ChatNotifier) => void)[] = [];
  /** The queue changed: positions are pushed again and waiting conversations routed. */
  queueMoved = false;

  add(notice: (notifier: ChatNotifier) => void): void {
    this.pending.push(notice);
  }

  flush(notifier: ChatNotifier): void {
    for (const notice of this.pending.splice(0)) notice(notifier);
  }
}
