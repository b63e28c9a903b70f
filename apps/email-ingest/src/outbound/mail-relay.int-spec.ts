import { createServer, Server, Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import type { OutboundMail } from '@helpgate/contracts';
import { outboundRequested } from '../../../../test/support/events';
import { MailRelay } from './mail-relay';
import { toRelayMessage } from './relay-message';

const connections = 2;
/** More than nodemailer's default of 100 messages a session per connection, which would reconnect. */
const burst = 300;
const refusedMailbox = 'nobody@customer.test';

/**
 * A TCP proxy in front of the relay that keeps, per session, what the client sent between two answers of the
 * server: one flight is one round trip, so a pipelined envelope is one flight holding MAIL, RCPT and DATA.
 */
class WireRecorder {
  readonly sessions: string[][] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  private constructor(targetPort: number) {
    this.server = createServer((client) => {
      const flights: string[] = [];
      this.sessions.push(flights);
      let clientSpokeLast = false;
      const relay = new Socket().connect(targetPort, '127.0.0.1');
      client.on('data', (chunk) => {
        if (clientSpokeLast) flights[flights.length - 1] += chunk.toString('latin1');
        else flights.push(chunk.toString('latin1'));
        clientSpokeLast = true;
        relay.write(chunk);
      });
      relay.on('data', (chunk) => {
        clientSpokeLast = false;
        client.write(chunk);
      });
      for (const [socket, other] of [
        [client, relay],
        [relay, client],
      ]) {
        this.sockets.add(socket);
        socket.on('error', () => other.destroy());
        socket.on('close', () => {
          this.sockets.delete(socket);
          other.destroy();
        });
      }
    });
  }

  static async start(targetPort: number): Promise<WireRecorder> {
    const recorder = new WireRecorder(targetPort);
    await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
    return recorder;
  }

  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the wire recorder is not listening');
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** The flights that opened a mail transaction. */
  envelopeFlights(): string[] {
    return this.sessions.flat().filter((flight) => flight.startsWith('MAIL FROM:'));
  }

  /** Cuts every session, as a relay restarting would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A real SMTP server that keeps the text of every message it accepts and refuses one mailbox at RCPT. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}): Promise<{ server: SMTPServer; texts: string[]; port: number }> {
  const texts: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo: ({ address }, _session, callback) =>
      callback(address === refusedMailbox ? Object.assign(new Error('5.1.1 User unknown'), { responseCode: 550 }) : null),
    onData: (stream, _session, callback) => {
      simpleParser(stream).then((parsed) => {
        texts.push(parsed.text ?? '');
        callback();
      }, callback);
    },
    ...options,
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)),
  );
  return { server, texts, port };
}

function acknowledgement(overrides: Partial<OutboundMail> = {}) {
  const { mail } = outboundRequested({ kind: 'acknowledgement', autoSubmitted: 'auto-replied', subject: '[#1] Received', ...overrides });
  return toRelayMessage(mail, []);
}

describe('MailRelay sends a burst over a few long-lived sessions (real smtp-server behind a wire recorder)', () => {
  let smtp: { server: SMTPServer; texts: string[]; port: number };
  let wire: WireRecorder;
  let relay: MailRelay;

  async function start(options: Partial<SMTPServerOptions> = {}): Promise<void> {
    smtp = await startSmtpServer(options);
    wire = await WireRecorder.start(smtp.port);
    relay = new MailRelay({ url: wire.url, heloName: 'helpgate.test', connections });
  }

  afterEach(async () => {
    relay.onApplicationShutdown();
    await wire.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('sends a burst over at most its connections, each envelope and DATA in one round trip', async () => {
    await start();

    const sent = await Promise.all(Array.from({ length: burst }, () => relay.send(acknowledgement())));

    expect(sent.every((info) => info.response.startsWith('250 '))).toBe(true);
    expect(smtp.texts).toHaveLength(burst);
    expect(wire.sessions.length).toBeLessThanOrEqual(connections);
    const envelopes = wire.envelopeFlights();
    expect(envelopes).toHaveLength(burst);
    expect(envelopes.every((flight) => /^MAIL FROM:<[^>]+>.*\r\nRCPT TO:<[^>]+>\r\nDATA\r\n$/.test(flight))).toBe(true);
  });

  it('sends one command per round trip to a relay that does not offer PIPELINING', async () => {
    await start({ hidePIPELINING: true });

    await Promise.all(Array.from({ length: 20 }, () => relay.send(acknowledgement())));

    expect(smtp.texts).toHaveLength(20);
    expect(wire.sessions.length).toBeLessThanOrEqual(connections);
    expect(wire.envelopeFlights()).toHaveLength(20);
    expect(wire.envelopeFlights().every((flight) => /^MAIL FROM:<[^>]+>[^\r]*\r\n$/.test(flight))).toBe(true);
  });

  it('reports a recipient refused while DATA was already sent with its code, and keeps the session for the next mails', async () => {
    await start();
    await Promise.all(Array.from({ length: connections }, () => relay.send(acknowledgement())));

    await expect(relay.send(acknowledgement({ to: [{ address: refusedMailbox }] }))).rejects.toMatchObject({
      responseCode: 550,
      rejected: [refusedMailbox],
    });
    await Promise.all(Array.from({ length: 10 }, () => relay.send(acknowledgement())));

    expect(smtp.texts).toHaveLength(connections + 10);
    expect(wire.sessions.length).toBeLessThanOrEqual(connections);
  });

  it('opens new sessions when the relay drops the ones it had', async () => {
    await start();
    await Promise.all(Array.from({ length: connections }, () => relay.send(acknowledgement())));
    const sessionsBefore = wire.sessions.length;

    wire.dropConnections();
    await Promise.all(Array.from({ length: 10 }, () => relay.send(acknowledgement())));

    expect(smtp.texts).toHaveLength(connections + 10);
    expect(wire.sessions.length).toBeGreaterThan(sessionsBefore);
  });

  it('dot-stuffs lines that start with a dot and sends CRLF line ends', async () => {
    await start();
    const text = '.\n..two dots\n.one dot\r\nlast line\n';

    await relay.send(acknowledgement({ text }));

    expect(smtp.texts).toEqual(['.\n..two dots\n.one dot\nlast line\n']);
    const body = wire.sessions.flat().find((flight) => flight.includes('last line'));
    expect(body).toContain('\r\n..\r\n...two dots\r\n..one dot\r\nlast line\r\n');
  });
});
