import { Readable } from 'node:stream';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerSession } from 'smtp-server';
import { eventually, freePort } from './infra';

export interface RelayedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

/** A real SMTP server standing where the outbound relay would be, keeping what it is given. */
export class TestRelay {
  readonly received: RelayedMail[] = [];
  private held?: Promise<void>;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // smtp-server waits for the callback, not for a promise: the chain ends in it, errors included.
    onData: (stream, session, callback) => {
      void this.keep(stream, session)
        .then(() => this.held)
        .then(() => callback(), callback);
    },
  });

  private constructor(readonly port: number) {}

  static async start(): Promise<TestRelay> {
    const relay = new TestRelay(await freePort());
    await new Promise<void>((resolve) => relay.server.listen(relay.port, '127.0.0.1', resolve));
    return relay;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): RelayedMail[] {
    return this.received.filter((mail) => mail.envelopeTo.includes(address));
  }

  /** Waits until exactly `count` mails reached `address`, and gives them. */
  receivedTo(address: string, count: number): Promise<RelayedMail[]> {
    return eventually(() => {
      const found = this.to(address);
      expect(found).toHaveLength(count);
      return found;
    });
  }

  /**
   * From now on a message is kept as it arrives but answered only once the returned function is called: a test
   * can act while the sender waits for the relay's reply.
   */
  holdReplies(): () => void {
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async keep(stream: Readable, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    this.received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), parsed });
  }
}
