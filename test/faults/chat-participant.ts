import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ChatClient, clientOf } from '../../apps/chat/test/chat-under-test';
import type { MessageView } from '../../apps/chat/src/protocol/protocol';

/** A message a participant sent: its client id, and once acknowledged the sequence chat gave it. */
export interface SentMessage {
  conversationId: string;
  clientId: string;
  text: string;
  /** Sent again with the same client id because no acknowledgement came before the instance went away. */
  resent: boolean;
  acknowledgedSequence?: number;
}

/**
 * A visitor or an agent as a browser runs one: it sends each message with its own client id until it is
 * acknowledged, and when its instance goes away it connects to the other one (as a load balancer would send it),
 * resumes each conversation after the last sequence it saw and sends again what was not acknowledged.
 */
export class ChatParticipant {
  readonly sent: SentMessage[] = [];
  /** Resumes whose missed messages did not start right after the last sequence seen, or had a hole. */
  resumeGaps = 0;
  /** Times it moved to the other instance. */
  failOvers = 0;
  private readonly lastSeen = new Map<string, number>();
  private client!: ChatClient;
  private connection!: Promise<ChatClient>;

  private constructor(
    private readonly namespace: '/visitor' | '/agent',
    private auth: Record<string, unknown>,
    /** Where it connects when its instance goes away. */
    private readonly fallbackUrl: string,
  ) {}

  /** An anonymous visitor; it keeps the conversation token chat gives it, as the browser does. */
  static async visitor(url: string, fallbackUrl: string): Promise<ChatParticipant> {
    const visitor = new ChatParticipant('/visitor', {}, fallbackUrl);
    const client = await visitor.connect(url);
    const { visitorToken } = await client.next<{ visitorToken: string }>('session');
    visitor.auth = { visitorToken };
    return visitor;
  }

  static async agent(url: string, fallbackUrl: string, auth: { token: string; status: 'available' | 'away' }): Promise<ChatParticipant> {
    const agent = new ChatParticipant('/agent', auth, fallbackUrl);
    await agent.connect(url);
    return agent;
  }

  get conversations(): string[] {
    return [...this.lastSeen.keys()];
  }

  /** A request on the live connection; a refusal fails the scenario. */
  async request<T>(event: string, payload: unknown): Promise<T> {
    const answer = await (await this.connection).request<T | { error: unknown }>(event, payload);
    if (answer !== null && typeof answer === 'object' && 'error' in answer)
      throw new Error(`${event} refused: ${JSON.stringify(answer.error)}`);
    return answer as T;
  }

  /** Starts a conversation with a first message, before any fault: a resent first message would start another. */
  async startConversation(text: string): Promise<string> {
    const stored = await this.request<MessageView>('message.send', { clientId: randomUUID(), text });
    this.saw(stored);
    return stored.conversationId;
  }

  /** Takes a queued conversation. */
  async accept(conversationId: string): Promise<void> {
    await this.request('conversation.accept', { conversationId });
    this.lastSeen.set(conversationId, this.lastSeen.get(conversationId) ?? 0);
  }

  /** Sends `count` messages, taking the conversations in turn, each one until it is acknowledged. */
  async sendMessages(count: number, label: string): Promise<void> {
    const conversations = this.conversations;
    for (let index = 0; index < count; index++) {
      const conversationId = conversations[index % conversations.length]!;
      const message: SentMessage = { conversationId, clientId: randomUUID(), text: `${label} #${index}`, resent: false };
      this.sent.push(message);
      await this.sendUntilAcknowledged(message);
    }
  }

  close(): void {
    this.client.close();
  }

  private async sendUntilAcknowledged(message: SentMessage): Promise<void> {
    for (;;) {
      const client = await this.connection;
      // Rejected when the connection drops before the acknowledgement: the message may or may not be stored.
      const answer = await client
        .request<MessageView | { error: unknown }>('message.send', {
          conversationId: message.conversationId,
          clientId: message.clientId,
          text: message.text,
        })
        .catch(() => undefined);
      if (answer === undefined) {
        message.resent = true;
        continue;
      }
      if ('error' in answer) throw new Error(`message.send refused: ${JSON.stringify(answer.error)}`);
      message.acknowledgedSequence = answer.sequence;
      this.saw(answer);
      return;
    }
  }

  private connect(url: string): Promise<ChatClient> {
    const socket = io(`${url}${this.namespace}`, { auth: this.auth, transports: ['websocket'], reconnection: false, forceNew: true });
    this.client = clientOf(socket);
    socket.on('message', (message: MessageView) => this.saw(message));
    socket.on('disconnect', (reason) => {
      // Only a connection the server side dropped is failed over; closing it here ends the participant.
      if (reason !== 'io client disconnect') this.connection = this.failOver();
    });
    this.connection = new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(this.client));
      socket.once('connect_error', reject);
    });
    return this.connection;
  }

  /** Connects to the other instance, then catches up on every conversation from the last sequence it saw. */
  private async failOver(): Promise<ChatClient> {
    const client = await this.connect(this.fallbackUrl);
    this.failOvers++;
    for (const [conversationId, afterSequence] of this.lastSeen) {
      const { messages } = await client.request<{ messages: MessageView[] }>('conversation.resume', { conversationId, afterSequence });
      const followOn = messages.every((message, index) => message.sequence === afterSequence + index + 1);
      if (!followOn) this.resumeGaps++;
      messages.forEach((message) => this.saw(message));
    }
    return client;
  }

  private saw(message: MessageView): void {
    this.lastSeen.set(message.conversationId, Math.max(this.lastSeen.get(message.conversationId) ?? 0, message.sequence));
  }
}
