import { UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { ChatNamespace, ChatSocket as Socket } from '../gateways/chat-socket';
import { AgentTokens } from '../gateways/agent-token';
import { ChatWsExceptionFilter } from '../gateways/chat-ws-exception.filter';
import { connectionCheck, refuseUnknownEvents } from '../gateways/socket-errors';
import { ZodEventPipe } from '../gateways/zod-event.pipe';
import { PresenceService } from '../presence/presence.service';
import { agentEvents as events, AgentEvent } from '../protocol/protocol';
import { AgentDeskService } from '../queue/agent-desk.service';
import { ChatNotifier, rooms } from '../realtime/chat-notifier';

const agentOf = (socket: Socket): string => socket.data.agentId!;

/** `/agent`: the support team, with identity's agent token in the handshake's `auth.token`. */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(ChatWsExceptionFilter)
export class AgentGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly desk: AgentDeskService,
    private readonly presence: PresenceService,
    private readonly tokens: AgentTokens,
    private readonly notifier: ChatNotifier,
  ) {}

  afterInit(namespace: ChatNamespace): void {
    this.notifier.attach({ agents: namespace });
    namespace.use(
      connectionCheck(async (socket) => {
        socket.data.agentId = this.tokens.authenticate(socket, socket.handshake.auth.token);
      }),
    );
  }

  async handleConnection(socket: Socket): Promise<void> {
    const agentId = agentOf(socket);
    await socket.join([rooms.agent(agentId), rooms.agents]);
    refuseUnknownEvents(socket, events);
    const status =
      socket.handshake.auth.status === 'away' ? 'away' : socket.handshake.auth.status === 'available' ? 'available' : undefined;
    await this.presence.connected(socket.id, agentId, status);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    this.tokens.forget(socket);
    if (socket.data.agentId) await this.presence.disconnected(socket.id, agentOf(socket));
  }

  @SubscribeMessage('renew')
  renew(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events.renew.schema)) body: AgentEvent<'renew'>) {
    this.tokens.authenticate(socket, body.token);
    return { ok: true };
  }

  @SubscribeMessage('presence.set')
  setPresence(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['presence.set'].schema)) body: AgentEvent<'presence.set'>,
  ) {
    return this.presence.choose(agentOf(socket), body.status);
  }

  @SubscribeMessage('queue.list')
  listQueue() {
    return this.desk.listQueue();
  }

  @SubscribeMessage('conversations.mine')
  listMine(@ConnectedSocket() socket: Socket) {
    return this.desk.listMine(agentOf(socket));
  }

  /** Joins (or leaves) the conversation's watchers' room, then answers what was said so far. */
  @SubscribeMessage('conversation.watch')
  async watch(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.watch'].schema)) body: AgentEvent<'conversation.watch'>,
  ) {
    const room = rooms.watching(body.conversationId);
    if (!body.watching) {
      await socket.leave(room);
      return { ok: true };
    }
    await socket.join(room);
    return this.desk.resume({ conversationId: body.conversationId, afterSequence: 0 });
  }

  @SubscribeMessage('conversation.accept')
  accept(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.accept'].schema)) body: AgentEvent<'conversation.accept'>,
  ) {
    return this.desk.accept(agentOf(socket), body);
  }

  @SubscribeMessage('conversations.with_ai')
  listWithAi() {
    return this.desk.listWithAi();
  }

  @SubscribeMessage('conversation.take_over')
  takeOver(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.take_over'].schema)) body: AgentEvent<'conversation.take_over'>,
  ) {
    return this.desk.takeOver(agentOf(socket), body);
  }

  @SubscribeMessage('conversation.transfer')
  transfer(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.transfer'].schema)) body: AgentEvent<'conversation.transfer'>,
  ) {
    return this.desk.transfer(agentOf(socket), body);
  }

  @SubscribeMessage('conversation.close')
  close(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.close'].schema)) body: AgentEvent<'conversation.close'>,
  ) {
    return this.desk.close(agentOf(socket), body);
  }

  @SubscribeMessage('conversation.escalate')
  escalate(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.escalate'].schema)) body: AgentEvent<'conversation.escalate'>,
  ) {
    return this.desk.escalate(agentOf(socket), body);
  }

  @SubscribeMessage('message.send')
  send(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events['message.send'].schema)) body: AgentEvent<'message.send'>) {
    return this.desk.send(agentOf(socket), body, socket.id);
  }

  @SubscribeMessage('conversation.resume')
  resume(@MessageBody(new ZodEventPipe(events['conversation.resume'].schema)) body: AgentEvent<'conversation.resume'>) {
    return this.desk.resume(body);
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events.typing.schema)) body: AgentEvent<'typing'>) {
    return this.desk.signal(agentOf(socket), 'typing', body);
  }

  @SubscribeMessage('read')
  read(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events.read.schema)) body: AgentEvent<'read'>) {
    return this.desk.signal(agentOf(socket), 'read', body);
  }
}
