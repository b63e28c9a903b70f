import { connect, Socket } from 'node:net';

export interface SmtpReply {
  code: number;
  /** The text of each line, without the code. */
  lines: string[];
}

/**
 * A test SMTP client over a plain socket: it writes exactly the bytes it is given, so a test can send
 * what a well-behaved client never would (bare line breaks, pipelined commands, half a message).
 */
export class RawSmtpClient {
  /** Settles when the connection is closed, by either side. */
  readonly closed: Promise<void>;
  private received = '';
  private readonly replies: SmtpReply[] = [];
  private readonly waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void }[] = [];
  private isClosed = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (data: Buffer) => this.receive(data));
    // A reset by the server shows as a closed connection; the tests look at replies and closing only.
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosed = true;
        for (const waiter of this.waiting.splice(0)) waiter.reject(new Error('the server closed the connection'));
        resolve();
      }),
    );
  }

  /** Opens a connection, from the given local address when set; rejects when the connection is refused. */
  static open(port: number, localAddress?: string): Promise<RawSmtpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, localAddress });
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new RawSmtpClient(socket));
      });
    });
  }

  /** Opens a connection, expects the greeting and says EHLO; returns the client and the EHLO reply. */
  static async greeted(port: number, localAddress?: string): Promise<{ client: RawSmtpClient; ehlo: SmtpReply }> {
    const client = await RawSmtpClient.open(port, localAddress);
    const greeting = await client.reply();
    if (greeting.code !== 220) throw new Error(`expected the 220 greeting, got ${greeting.code} ${greeting.lines.join(' ')}`);
    return { client, ehlo: await client.command('EHLO client.test') };
  }

  /** The next complete reply, multi-line replies as one; rejects when the connection closes first. */
  reply(): Promise<SmtpReply> {
    const next = this.replies.shift();
    if (next) return Promise.resolve(next);
    if (this.isClosed) return Promise.reject(new Error('the server closed the connection'));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  send(data: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.socket.write(data, (error) => (error ? reject(error) : resolve())));
  }

  async command(line: string): Promise<SmtpReply> {
    await this.send(`${line}\r\n`);
    return this.reply();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(data: Buffer): void {
    this.received += data.toString('utf8');
    for (let reply = this.takeReply(); reply; reply = this.takeReply()) this.deliver(reply);
  }

  /** Takes one complete reply off the received text, or nothing while its last line is still to come. */
  private takeReply(): SmtpReply | undefined {
    const lines: string[] = [];
    for (let offset = 0; ;) {
      const lineEnd = this.received.indexOf('\r\n', offset);
      if (lineEnd === -1) return undefined;
      const line = this.received.slice(offset, lineEnd);
      offset = lineEnd + 2;
      lines.push(line.slice(4));
      if (line[3] !== '-') {
        this.received = this.received.slice(offset);
        return { code: Number(line.slice(0, 3)), lines };
      }
    }
  }

  private deliver(reply: SmtpReply): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(reply);
    else this.replies.push(reply);
  }
}

/**
 * The raw clients opened to one SMTP port, kept so that they can all be destroyed after each test:
 * a session a test leaves open would otherwise count against the server's per-address limits.
 */
export class RawSmtpClients {
  private readonly open: RawSmtpClient[] = [];

  constructor(private readonly port: number) {}

  /** As {@link RawSmtpClient.open}, tracked. */
  async opened(localAddress?: string): Promise<RawSmtpClient> {
    const client = await RawSmtpClient.open(this.port, localAddress);
    this.open.push(client);
    return client;
  }

  /** As {@link RawSmtpClient.greeted}, tracked. */
  async greeted(localAddress?: string): Promise<{ client: RawSmtpClient; ehlo: SmtpReply }> {
    const session = await RawSmtpClient.greeted(this.port, localAddress);
    this.open.push(session.client);
    return session;
  }

  destroyAll(): void {
    for (const client of this.open.splice(0)) client.destroy();
  }
}
