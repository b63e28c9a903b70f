import { setTimeout as sleep } from 'node:timers/promises';
import { RawSmtpClient, SmtpReply } from '../../apps/email-ingest/test/raw-smtp-client';

/** One message of a load, findable afterwards by the token in its subject. */
export interface LoadMessage {
  index: number;
  token: string;
  from: string;
  messageId: string;
  /** The Date header: fixed, so that a message sent again is the same bytes, as a sending server's retry is. */
  date: string;
}

/** How the server answered a message: 2xx, 4xx, 5xx, or no answer at all (refused connection, closed, timed out). */
export type SmtpOutcome = 'accepted' | 'temporary' | 'permanent' | 'no-reply';

export interface MessageAttempt {
  message: LoadMessage;
  outcome: SmtpOutcome;
  /** The reply line that decided the outcome, or what happened to the connection. */
  reply: string;
}

export interface LoadOptions {
  /** Sessions open at once. */
  concurrency?: number;
  /** Messages sent one after the other in a session before it is closed and a new one opened. */
  messagesPerSession?: number;
  /** A reply that takes longer counts as no reply, and the session is dropped. */
  replyTimeoutMs?: number;
  /** The pause of a session after its connection failed, as a sending server would wait before it retries. */
  pauseAfterFailureMs?: number;
}

const recipient = 'support@helpgate.test';

/** `count` messages from `count / messagesPerSender` senders, each with a unique token in its subject and Message-ID. */
export function loadMessages(run: string, count: number, messagesPerSender = 4): LoadMessage[] {
  const domain = `${run.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.test`;
  const date = new Date().toUTCString();
  return Array.from({ length: count }, (_, index) => {
    const token = `${run}-m${index}`;
    return {
      index,
      token,
      from: `sender-${Math.floor(index / messagesPerSender)}@${domain}`,
      messageId: `<${token}@load.helpgate.test>`,
      date,
    };
  });
}

/** The subject a load message carries; its token is how a ticket is matched back to the message. */
export function subjectOf(message: LoadMessage): string {
  return `Load message [${message.token}]`;
}

/** The token in a ticket subject written by {@link subjectOf}, or null for any other subject. */
export function tokenInSubject(subject: string): string | null {
  return /^Load message \[([^\]]+)\]$/.exec(subject)?.[1] ?? null;
}

function rfc5322(message: LoadMessage): string {
  return [
    `From: ${message.from}`,
    `To: ${recipient}`,
    `Subject: ${subjectOf(message)}`,
    `Message-ID: ${message.messageId}`,
    `Date: ${message.date}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Message ${message.index} of a load sent to find out whether mail is lost or duplicated.`,
    '',
  ].join('\r\n');
}

function outcomeOf(code: number): SmtpOutcome {
  if (code >= 200 && code < 300) return 'accepted';
  if (code >= 400 && code < 500) return 'temporary';
  return 'permanent';
}

class SessionLost extends Error {}

/** One SMTP session of the load: sends messages until a reply ends the session or the connection goes. */
class LoadSession {
  private constructor(
    private readonly client: RawSmtpClient,
    private readonly replyTimeoutMs: number,
  ) {}

  /** Opens a session; an answer other than the greeting and EHLO is the outcome of `message`, which was to go first. */
  static async open(port: number, replyTimeoutMs: number): Promise<LoadSession | SmtpReply> {
    const session = new LoadSession(await RawSmtpClient.open(port), replyTimeoutMs);
    const greeting = await session.reply();
    if (greeting.code !== 220) {
      session.close();
      return greeting;
    }
    const ehlo = await session.command('EHLO load.helpgate.test');
    if (ehlo.code !== 250) session.close();
    return ehlo.code === 250 ? session : ehlo;
  }

  /** The reply that decides the message: the end of DATA, or the first command refused. */
  async send(message: LoadMessage): Promise<SmtpReply> {
    for (const [line, expected] of [
      [`MAIL FROM:<${message.from}>`, 250],
      [`RCPT TO:<${recipient}>`, 250],
      ['DATA', 354],
    ] as const) {
      const reply = await this.command(line);
      if (reply.code !== expected) return reply;
    }
    // Dot-stuffing: a line starting with "." gets a second one; then the end-of-data line.
    await this.client.send(`${rfc5322(message).replace(/^\./gm, '..')}.\r\n`);
    return this.reply();
  }

  close(): void {
    this.client.send('QUIT\r\n').catch(() => undefined);
    this.client.destroy();
  }

  private async command(line: string): Promise<SmtpReply> {
    await this.client.send(`${line}\r\n`);
    return this.reply();
  }

  private async reply(): Promise<SmtpReply> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SessionLost(`no reply within ${this.replyTimeoutMs} ms`)), this.replyTimeoutMs);
    });
    try {
      return await Promise.race([this.client.reply(), timeout]);
    } catch (error) {
      this.client.destroy();
      throw error instanceof SessionLost ? error : new SessionLost((error as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Sends messages over a number of concurrent SMTP sessions, as fast as the server takes them, and keeps the
 * outcome of each: the reply that decided it, or that no reply came. A message is sent once; retrying is
 * the caller's choice (see {@link resendUntilAccepted}).
 */
export class SmtpLoad {
  /** The outcome of each message, by its index in the list given. */
  readonly attempts: (MessageAttempt | undefined)[];
  readonly finished: Promise<MessageAttempt[]>;
  private next = 0;
  private decided = 0;
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly port: number,
    private readonly messages: readonly LoadMessage[],
    private readonly options: Required<LoadOptions>,
  ) {
    this.attempts = new Array<MessageAttempt | undefined>(messages.length).fill(undefined);
    const workers = Array.from({ length: Math.min(options.concurrency, messages.length) }, () => this.work());
    this.finished = Promise.all(workers).then(() => this.attempts as MessageAttempt[]);
  }

  static start(port: number, messages: readonly LoadMessage[], options: LoadOptions = {}): SmtpLoad {
    return new SmtpLoad(port, messages, {
      concurrency: options.concurrency ?? 8,
      messagesPerSession: options.messagesPerSession ?? 10,
      replyTimeoutMs: options.replyTimeoutMs ?? 60_000,
      pauseAfterFailureMs: options.pauseAfterFailureMs ?? 250,
    });
  }

  /** Resolves once `count` messages (or all, when fewer) have their outcome. */
  decidedAtLeast(count: number): Promise<void> {
    if (this.decided >= Math.min(count, this.messages.length)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private async work(): Promise<void> {
    let session: LoadSession | undefined;
    let sentInSession = 0;
    for (let index = this.take(); index !== undefined; index = this.take()) {
      const message = this.messages[index];
      try {
        if (!session) {
          const opened = await LoadSession.open(this.port, this.options.replyTimeoutMs);
          if (!(opened instanceof LoadSession)) {
            this.decide(index, { message, outcome: outcomeOf(opened.code), reply: describe(opened) });
            await sleep(this.options.pauseAfterFailureMs);
            continue;
          }
          session = opened;
          sentInSession = 0;
        }
        const reply = await session.send(message);
        sentInSession++;
        this.decide(index, { message, outcome: outcomeOf(reply.code), reply: describe(reply) });
        // A refusal may leave the transaction half done; a fresh session starts clean.
        if (reply.code !== 250 || sentInSession >= this.options.messagesPerSession) {
          session.close();
          session = undefined;
        }
      } catch (error) {
        session = undefined;
        this.decide(index, { message, outcome: 'no-reply', reply: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
        await sleep(this.options.pauseAfterFailureMs);
      }
    }
    session?.close();
  }

  private take(): number | undefined {
    return this.next < this.messages.length ? this.next++ : undefined;
  }

  private decide(index: number, attempt: MessageAttempt): void {
    this.attempts[index] = attempt;
    this.decided++;
    for (const waiter of [...this.waiters]) {
      if (this.decided >= Math.min(waiter.count, this.messages.length)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}

function describe(reply: SmtpReply): string {
  return `${reply.code} ${reply.lines.join(' ')}`;
}

/**
 * Sends the messages again, round after round, until each is accepted, as a sending server keeps a message
 * it got a 4xx (or no answer) for and retries it. Stops early on a 5xx, which no retry would change, and at
 * the deadline. Returns the last attempt of each message.
 */
export async function resendUntilAccepted(
  port: number,
  messages: readonly LoadMessage[],
  {
    timeoutMs = 120_000,
    pauseBetweenRoundsMs = 1_000,
    ...options
  }: LoadOptions & { timeoutMs?: number; pauseBetweenRoundsMs?: number } = {},
): Promise<MessageAttempt[]> {
  const deadline = Date.now() + timeoutMs;
  const last = new Map<LoadMessage, MessageAttempt>();
  let pending = [...messages];
  while (pending.length > 0) {
    const attempts = await SmtpLoad.start(port, pending, options).finished;
    for (const attempt of attempts) last.set(attempt.message, attempt);
    if (attempts.some((attempt) => attempt.outcome === 'permanent') || Date.now() > deadline) break;
    pending = attempts.filter((attempt) => attempt.outcome !== 'accepted').map((attempt) => attempt.message);
    if (pending.length > 0) await sleep(pauseBetweenRoundsMs);
  }
  return messages.map((message) => last.get(message)!);
}
