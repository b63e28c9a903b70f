import { useEffect, useRef, useState } from 'preact/hooks';
import { io, Socket } from 'socket.io-client';
import { downloadFile } from '../api';
import { ChatFile, ChatMessage, emptyTranscript, lastSequence, Transcript, withMessages, withPart } from '../../lib/transcript';

export interface Conversation {
  id: string;
  state: 'bot' | 'queued' | 'assigned' | 'awaiting_email' | 'closed' | 'escalated';
  language: string | null;
  assignedAgent: { id: string; name: string } | null;
  outcome: string | null;
}

export interface QueuePosition {
  conversationId: string;
  position: number;
  estimatedWaitMs: number | null;
}

type Ack<T> = T | { error: { code: string; message: string } };

const visitorTokenKey = 'helpgate.visitorToken';
const ended = (conversation: Conversation | null) => conversation?.state === 'closed' || conversation?.state === 'escalated';

/**
 * The visitor's side of chat's `/visitor` namespace: the conversation token kept in this browser (a reload or another
 * tab is the same visitor), or the contact's token; the latest conversation resumed from the last message seen after
 * every (re)connection, so nothing sent meanwhile is lost.
 */
export function useChat(contactToken: string | null) {
  const socket = useRef<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [transcript, setTranscript] = useState<Transcript>(emptyTranscript);
  const [queue, setQueue] = useState<QueuePosition | null>(null);
  const [agentTyping, setAgentTyping] = useState(false);
  const [agentReadUpTo, setAgentReadUpTo] = useState(0);
  /** Why no person can take the conversation, while the panel asks for an email to make it a ticket. */
  const [emailRequired, setEmailRequired] = useState<string | null>(null);
  const [escalatedTo, setEscalatedTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const transcriptRef = useRef(transcript);
  transcriptRef.current = transcript;
  const conversationRef = useRef(conversation);
  conversationRef.current = conversation;

  /** Leaves the conversation shown (a new one starts, or another visitor signed in); the refs at once, for what follows. */
  const forget = () => {
    conversationRef.current = null;
    transcriptRef.current = emptyTranscript;
    setConversation(null);
    setTranscript(emptyTranscript);
    setQueue(null);
    setAgentTyping(false);
    setAgentReadUpTo(0);
    setEmailRequired(null);
    setEscalatedTo(null);
  };

  const request = <T>(event: string, payload: unknown): Promise<T> =>
    new Promise((resolve, reject) => {
      socket.current!.timeout(15_000).emit(event, payload, (timeout: Error | null, answer: Ack<T>) => {
        if (timeout) reject(timeout);
        else if (answer && typeof answer === 'object' && 'error' in answer) reject(new Error(answer.error.message));
        else resolve(answer as T);
      });
    });

  const resume = async (conversationId: string) => {
    const answer = await request<{ conversation: Conversation; messages: ChatMessage[] }>('conversation.resume', {
      conversationId,
      afterSequence: lastSequence(transcriptRef.current),
    });
    conversationRef.current = answer.conversation;
    setConversation(answer.conversation);
    setTranscript((current) => withMessages(current, answer.messages));
  };

  useEffect(() => {
    const visitorToken = localStorage.getItem(visitorTokenKey);
    const auth = contactToken ? { contactToken } : visitorToken ? { visitorToken } : {};
    const client = io(`${location.origin}/visitor`, { auth, transports: ['websocket'] });
    socket.current = client;
    forget();
    client.on('session', ({ visitorToken: token }: { visitorToken: string | null }) => {
      if (token) localStorage.setItem(visitorTokenKey, token);
    });
    client.on('connect', () => {
      setConnected(true);
      const known = conversationRef.current;
      const latest = known
        ? Promise.resolve(known.id)
        : request<{ conversations: Conversation[] }>('conversations.list', {}).then(({ conversations }) => conversations[0]?.id);
      latest.then((id) => (id ? resume(id) : undefined)).catch((error: Error) => setFailure(error.message));
    });
    client.on('disconnect', () => setConnected(false));
    client.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // A conversation token this chat no longer knows (its database was reset): start as a new visitor.
      if (error.data?.code === 'unauthenticated' && !contactToken && localStorage.getItem(visitorTokenKey)) {
        localStorage.removeItem(visitorTokenKey);
        client.auth = {};
        client.connect();
      }
    });
    client.on('message', (message: ChatMessage) => {
      if (message.conversationId !== conversationRef.current?.id) return;
      setTranscript((current) => withMessages(current, [message]));
      if (message.author === 'agent') setAgentTyping(false);
    });
    client.on('message.partial', (part: { conversationId: string; clientId: string; index: number; part: string }) => {
      if (part.conversationId === conversationRef.current?.id) setTranscript((current) => withPart(current, part));
    });
    client.on('conversation.updated', (updated: Conversation) => {
      if (updated.id !== conversationRef.current?.id) return;
      setConversation(updated);
      if (updated.state !== 'queued') setQueue(null);
    });
    client.on('queue.position', setQueue);
    client.on('typing', ({ typing }: { typing: boolean }) => setAgentTyping(typing));
    client.on('read', ({ sequence }: { sequence: number }) => setAgentReadUpTo((upTo) => Math.max(upTo, sequence)));
    client.on('email.required', ({ reason }: { reason: string }) => setEmailRequired(reason));
    client.on('escalated', ({ email }: { email: string | null }) => {
      setEmailRequired(null);
      setEscalatedTo(email ?? '');
    });
    return () => {
      client.close();
      socket.current = null;
    };
  }, [contactToken]);

  /** `identity`: the pre-chat step's name and email, where the team asks for them before a conversation starts. */
  const send = async (text: string, fileIds: string[] = [], identity?: { name: string; email: string }) => {
    if (identity && (!conversationRef.current || ended(conversationRef.current))) {
      const started = await request<Conversation>('conversation.start', { ...identity, language: document.documentElement.lang });
      forget();
      await resume(started.id);
    }
    const current = conversationRef.current;
    const message = await request<ChatMessage>('message.send', {
      conversationId: current && !ended(current) ? current.id : undefined,
      clientId: crypto.randomUUID(),
      text,
      fileIds,
      language: document.documentElement.lang,
    });
    if (message.conversationId !== current?.id) {
      forget();
      conversationRef.current = { id: message.conversationId } as Conversation;
      await resume(message.conversationId);
    } else {
      setTranscript((now) => withMessages(now, [message]));
    }
  };

  const credentials = () => `Bearer ${contactToken ?? localStorage.getItem(visitorTokenKey)}`;

  /** Files are served to the conversation's participants only, so the download carries the credentials too. */
  const download = (file: ChatFile) => downloadFile(`/files/${file.id}`, credentials(), file.filename);

  /** Uploads files to the conversation (over HTTP, with the same credentials as the socket), for the next message. */
  const upload = async (files: { filename: string; contentType: string; contentBase64: string }[]): Promise<string[]> => {
    const current = conversationRef.current;
    if (!current) throw new Error('no conversation yet');
    const response = await fetch(`/conversations/${current.id}/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: credentials() },
      body: JSON.stringify({ files }),
    });
    const body = (await response.json()) as { files?: { id: string }[]; message?: string };
    if (!response.ok || !body.files) throw new Error(body.message ?? response.statusText);
    return body.files.map((file) => file.id);
  };

  return {
    connected,
    conversation,
    transcript,
    queue,
    agentTyping,
    agentReadUpTo,
    emailRequired,
    escalatedTo,
    failure,
    setFailure,
    send,
    upload,
    download,
    requestPerson: () => request<Conversation>('person.request', { conversationId: conversationRef.current!.id }).then(setConversation),
    identify: (email: string, name: string) =>
      request('visitor.identify', { conversationId: conversationRef.current!.id, email, ...(name ? { name } : {}) }),
    typing: (typing: boolean) => {
      const current = conversationRef.current;
      if (current && !ended(current)) socket.current?.emit('typing', { conversationId: current.id, typing });
    },
    read: (sequence: number) => {
      const current = conversationRef.current;
      if (current && sequence > 0) socket.current?.emit('read', { conversationId: current.id, sequence });
    },
    close: () => request<Conversation>('conversation.close', { conversationId: conversationRef.current!.id }).then(setConversation),
    rate: (score: number, comment: string) =>
      request('conversation.rate', { conversationId: conversationRef.current!.id, score, ...(comment ? { comment } : {}) }),
    startOver: forget,
  };
}
