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
import { ChatWsExceptionFilter } from '../gateways/chat-ws-exception.filter';
import { connectionCheck, refuseUnknownEvents } from '../gateways/socket-errors';
import { SocketLimits } from '../gateways/socket-limits';
import { ZodEventPipe } from '../gateways/zod-event.pipe';
import { visitorEvents as events, VisitorEvent } from '../protocol/protocol';
import { ChatNotifier, rooms } from '../realtime/chat-notifier';
import { VisitorAuthentication, VisitorSession } from '../visitors/visitor-authentication';
import { VisitorChatService } from './visitor-chat.service';

const sessionOf = (socket: Socket): VisitorSession => socket.data.session!;

/** `/visitor`: customers on the website. Credentials in the handshake's `auth` (see the protocol document). */
@WebSocketGateway({ namespace: '/visitor' })
@UseFilters(ChatWsExceptionFilter)
export class VisitorGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly chat: VisitorChatService,
    private readonly authentication: VisitorAuthentication,
    private readonly limits: SocketLimits,
    private readonly notifier: ChatNotifier,
  ) {}

  afterInit(namespace: ChatNamespace): void {
    this.notifier.attach({ visitors: namespace });
    namespace.use(
      connectionCheck(async (socket) => {
        this.limits.acquireConnection(socket);
        try {
          socket.data.session = await this.authentication.authenticate(socket.handshake.auth);
        } catch (error) {
          this.limits.releaseConnection(socket);
          throw error;
        }
      }),
    );
  }

  async handleConnection(socket: Socket): Promise<void> {
    const session = sessionOf(socket);
    await socket.join(rooms.visitor(session.visitorId));
    refuseUnknownEvents(socket, events);
    socket.emit('session', { visitorId: session.visitorId, visitorToken: session.visitorToken });
  }

  handleDisconnect(socket: Socket): void {
    this.limits.releaseConnection(socket);
  }

  @SubscribeMessage('conversations.list')
  list(@ConnectedSocket() socket: Socket) {
    return this.chat.list(sessionOf(socket));
  }

  @SubscribeMessage('conversation.start')
  start(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.start'].schema)) body: VisitorEvent<'conversation.start'>,
  ) {
    return this.chat.start(sessionOf(socket), body);
  }

  @SubscribeMessage('message.send')
  send(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['message.send'].schema)) body: VisitorEvent<'message.send'>,
  ) {
    this.limits.takeMessage(socket);
    return this.chat.send(sessionOf(socket), body, socket.id);
  }

  @SubscribeMessage('conversation.resume')
  resume(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.resume'].schema)) body: VisitorEvent<'conversation.resume'>,
  ) {
    return this.chat.resume(sessionOf(socket), body);
  }

  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events.typing.schema)) body: VisitorEvent<'typing'>) {
    return this.chat.signal(sessionOf(socket), 'typing', body);
  }

  @SubscribeMessage('read')
  read(@ConnectedSocket() socket: Socket, @MessageBody(new ZodEventPipe(events.read.schema)) body: VisitorEvent<'read'>) {
    return this.chat.signal(sessionOf(socket), 'read', body);
  }

  @SubscribeMessage('person.request')
  requestPerson(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['person.request'].schema)) body: VisitorEvent<'person.request'>,
  ) {
    return this.chat.requestPerson(sessionOf(socket), body);
  }

  @SubscribeMessage('visitor.identify')
  identify(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['visitor.identify'].schema)) body: VisitorEvent<'visitor.identify'>,
  ) {
    return this.chat.identify(sessionOf(socket), body);
  }

  @SubscribeMessage('conversation.close')
  close(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.close'].schema)) body: VisitorEvent<'conversation.close'>,
  ) {
    return this.chat.close(sessionOf(socket), body);
  }

  @SubscribeMessage('conversation.rate')
  rate(
    @ConnectedSocket() socket: Socket,
    @MessageBody(new ZodEventPipe(events['conversation.rate'].schema)) body: VisitorEvent<'conversation.rate'>,
  ) {
    return this.chat.rate(sessionOf(socket), body);
  }
}
