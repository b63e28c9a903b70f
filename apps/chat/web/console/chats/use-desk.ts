import { useEffect, useRef, useState } from 'preact/hooks';
import { io, Socket } from 'socket.io-client';
import { emptyTranscript, lastSequence, withMessages } from '../../help-center/lib/transcript';
import type { AgentConversation, ChatFile, ChatMessage, OpenChat, Presence, QueueEntry } from './desk-types';

type Ack<T> = T | { error: { code: string; message: string } };
const chosenStatusKey = 'helpgate.console.status';

/**
 * The agent's side of chat's `/agent` namespace: the queue as it moves, the chats the agent has (listed again after
 * every (re)connection and resumed from the last message seen, so nothing said meanwhile is lost), presence, and the
 * actions on a chat. The access token is renewed on the socket whenever the session renews it.
 */
export function useDesk(accessToken: string, agentId: string, onQueued: (entry: QueueEntry) => void) {
  const socket = useRef<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [presence, setPresence] = useState<Presence>('offline');
  const [queue, setQueue] = useState<QueueEntry[]>([]);
  const [chats, setChats] = useState<OpenChat[]>([]);
  const [live, setLive] = useState<AgentConversation[]>([]);
  const chatsRef = useRef(chats);
  chatsRef.current = chats;
  const onQueuedRef = useRef(onQueued);
  onQueuedRef.current = onQueued;

  const request = <T>(event: string, payload: unknown = {}): Promise<T> =>
    new Promise((resolve, reject) => {
      socket.current!.timeout(15_000).emit(event, payload, (timeout: Error | null, answer: Ack<T>) => {
        if (timeout) reject(timeout);
        else if (answer && typeof answer === 'object' && 'error' in answer) reject(new Error(answer.error.message));
        else resolve(answer as T);
      });
    });

  const changeChat = (conversationId: string, change: (chat: OpenChat) => OpenChat) =>
    setChats((current) => current.map((chat) => (chat.conversation.id === conversationId ? change(chat) : chat)));

  /** Brings a chat's transcript up to date: every message after the last one the console has. */
  const resume = async (conversationId: string) => {
    const known = chatsRef.current.find((chat) => chat.conversation.id === conversationId);
    const answer = await request<{ messages: ChatMessage[] }>('conversation.resume', {
      conversationId,
      afterSequence: known ? lastSequence(known.transcript) : 0,
    });
    changeChat(conversationId, (chat) => ({ ...chat, transcript: withMessages(chat.transcript, answer.messages) }));
  };

  /** The agent's chats from chat: new ones join (and are resumed), ended ones stay until the agent dismisses them. */
  const refreshMine = async () => {
    const { conversations } = await request<{ conversations: AgentConversation[] }>('conversations.mine');
    const current = new Map(chatsRef.current.map((chat) => [chat.conversation.id, chat]));
    const next: OpenChat[] = chatsRef.current.filter((chat) => !conversations.some((c) => c.id === chat.conversation.id));
    for (const conversation of conversations) {
      next.push({ ...(current.get(conversation.id) ?? { transcript: emptyTranscript, visitorTyping: false }), conversation });
    }
    chatsRef.current = next;
    setChats(next);
    await Promise.all(conversations.map((conversation) => resume(conversation.id)));
  };

  /** The AI agent's conversations come without their visitor: they are named once a person has them. */
  const refreshLive = async () => {
    const { conversations } = await request<{ conversations: Omit<AgentConversation, 'visitor'>[] }>('conversations.with_ai');
    setLive(conversations.map((conversation) => ({ ...conversation, visitor: { id: '', name: null, email: null, contactId: null } })));
  };

  useEffect(() => {
    const status = localStorage.getItem(chosenStatusKey) === 'available' ? 'available' : 'away';
    const client = io(`${location.origin}/agent`, { auth: { token: accessToken, status }, transports: ['websocket'] });
    socket.current = client;
    client.on('connect', () => {
      setConnected(true);
      setPresence(status);
      request<{ entries: QueueEntry[] }>('queue.list')
        .then(({ entries }) => setQueue(entries))
        .catch(() => undefined);
      refreshMine().catch(() => undefined);
      refreshLive().catch(() => undefined);
    });
    // chat pushes no event for a new conversation with the AI agent: the list is asked for again now and then.
    const liveTimer = setInterval(() => {
      if (client.connected) refreshLive().catch(() => undefined);
    }, 15_000);
    client.on('disconnect', () => {
      setConnected(false);
      setPresence('offline');
    });
    client.on('queue.added', (entry: QueueEntry) => {
      setQueue((current) =>
        [...current.filter((e) => e.conversationId !== entry.conversationId), entry].sort((a, b) => a.position - b.position),
      );
      onQueuedRef.current(entry);
    });
    client.on('queue.removed', ({ conversationId }: { conversationId: string }) =>
      setQueue((current) => current.filter((entry) => entry.conversationId !== conversationId)),
    );
    client.on('conversation.assigned', () => refreshMine().catch(() => undefined));
    client.on('conversation.updated', (updated: Omit<AgentConversation, 'visitor'>) =>
      changeChat(updated.id, (chat) => ({ ...chat, conversation: { ...chat.conversation, ...updated } })),
    );
    client.on('message', (message: ChatMessage) =>
      changeChat(message.conversationId, (chat) => ({
        ...chat,
        transcript: withMessages(chat.transcript, [message]),
        visitorTyping: message.author === 'visitor' ? false : chat.visitorTyping,
      })),
    );
    client.on('typing', ({ conversationId, typing }: { conversationId: string; typing: boolean }) =>
      changeChat(conversationId, (chat) => ({ ...chat, visitorTyping: typing })),
    );
    client.on('presence', ({ agentId: changedAgent, status: changed }: { agentId: string; status: Presence }) => {
      if (changedAgent === agentId) setPresence(changed);
    });
    return () => {
      clearInterval(liveTimer);
      client.close();
      socket.current = null;
    };
    // The socket lives as long as the session: a renewed token is handed over below, without reconnecting.
  }, []);

  useEffect(() => {
    if (socket.current?.connected) socket.current.emit('renew', { token: accessToken });
    else if (socket.current) socket.current.auth = { ...(socket.current.auth as object), token: accessToken };
  }, [accessToken]);

  const credentials = () => ({ authorization: `Bearer ${accessToken}` });

  return {
    connected,
    presence,
    queue,
    chats,
    live,
    refreshLive,
    /** Follows a conversation the AI agent is having: it opens beside the agent's chats, read-only until taken over. */
    async watch(conversation: AgentConversation) {
      const { messages } = await request<{ messages: ChatMessage[] }>('conversation.watch', {
        conversationId: conversation.id,
        watching: true,
      });
      const watched = { conversation, transcript: withMessages(emptyTranscript, messages), visitorTyping: false };
      chatsRef.current = [...chatsRef.current.filter((chat) => chat.conversation.id !== conversation.id), watched];
      setChats(chatsRef.current);
    },
    async stopWatching(conversationId: string) {
      await request('conversation.watch', { conversationId, watching: false });
      setChats((current) => current.filter((chat) => chat.conversation.id !== conversationId));
    },
    async takeOver(conversationId: string) {
      await request('conversation.take_over', { conversationId });
      await Promise.all([refreshMine(), refreshLive()]);
    },
    async setStatus(status: 'available' | 'away') {
      localStorage.setItem(chosenStatusKey, status);
      if (socket.current) socket.current.auth = { ...(socket.current.auth as object), status };
      const answer = await request<{ status: Presence }>('presence.set', { status });
      setPresence(answer.status);
    },
    async accept(conversationId: string) {
      await request('conversation.accept', { conversationId });
      await refreshMine();
    },
    async send(conversationId: string, text: string, fileIds: string[]) {
      const message = await request<ChatMessage>('message.send', { conversationId, clientId: crypto.randomUUID(), text, fileIds });
      changeChat(conversationId, (chat) => ({ ...chat, transcript: withMessages(chat.transcript, [message]) }));
    },
    /** Uploads files to the conversation over HTTP (the agent's token), for the next reply. */
    async upload(conversationId: string, files: { filename: string; contentType: string; contentBase64: string }[]): Promise<string[]> {
      const response = await fetch(`/conversations/${conversationId}/files`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...credentials() },
        body: JSON.stringify({ files }),
      });
      const body = (await response.json()) as { files?: { id: string }[]; message?: string };
      if (!response.ok || !body.files) throw new Error(body.message ?? response.statusText);
      return body.files.map((file) => file.id);
    },
    async download(file: ChatFile) {
      const response = await fetch(`/files/${file.id}`, { headers: credentials() });
      if (!response.ok) throw new Error(response.statusText);
      const url = URL.createObjectURL(await response.blob());
      Object.assign(document.createElement('a'), { href: url, download: file.filename }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    typing(conversationId: string, typing: boolean) {
      socket.current?.emit('typing', { conversationId, typing });
    },
    read(conversationId: string, sequence: number) {
      if (sequence > 0) socket.current?.emit('read', { conversationId, sequence });
    },
    async transfer(conversationId: string, toAgentId: string | null) {
      const updated = await request<AgentConversation>('conversation.transfer', { conversationId, ...(toAgentId ? { toAgentId } : {}) });
      changeChat(conversationId, (chat) => ({
        ...chat,
        conversation: { ...chat.conversation, ...updated, visitor: chat.conversation.visitor },
      }));
    },
    async escalate(conversationId: string) {
      await request('conversation.escalate', { conversationId });
    },
    async close(conversationId: string) {
      await request('conversation.close', { conversationId });
    },
    /** Takes an ended or handed-on chat off the agent's screen. */
    dismiss(conversationId: string) {
      setChats((current) => current.filter((chat) => chat.conversation.id !== conversationId));
    },
    /** Still the agent's to answer: not ended, not handed to the queue or a colleague. */
    isMine: (chat: OpenChat) => chat.conversation.state === 'assigned' && chat.conversation.assignedAgent?.id === agentId,
  };
}

export type Desk = ReturnType<typeof useDesk>;
