import { createSocket, RemoteInfo, Socket } from 'node:dgram';

const HEADER_BYTES = 12;
const TYPE_TXT = 16;
const CLASS_IN = 1;
const FLAG_RESPONSE = 0x8000;
const FLAG_AUTHORITATIVE = 0x0400;
const FLAG_RECURSION_DESIRED = 0x0100;
const RCODE_NXDOMAIN = 3;
const POINTER_TO_QUESTION_NAME = 0xc00c;
const MAX_CHARACTER_STRING = 255;

/**
 * A DNS server for tests: it answers TXT queries from a fixed table, over UDP on 127.0.0.1. Like an
 * authoritative server, it answers other types of a known name with no data, and unknown names NXDOMAIN.
 */
export class TxtDnsServer {
  private constructor(
    private readonly socket: Socket,
    private readonly records: Map<string, string[]>,
  ) {
    socket.on('message', (query: Buffer, client: RemoteInfo) => {
      const response = this.answer(query);
      if (response) socket.send(response, client.port, client.address);
    });
  }

  static start(records: Record<string, string[]>): Promise<TxtDnsServer> {
    const socket = createSocket('udp4');
    const byName = new Map(Object.entries(records).map(([name, texts]) => [name.toLowerCase(), texts]));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve(new TxtDnsServer(socket, byName)));
    });
  }

  /** As DNS_SERVERS takes it: host:port. */
  get address(): string {
    const { address, port } = this.socket.address();
    return `${address}:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  /** The response to one query, or nothing for a datagram that is no query this server understands. */
  private answer(query: Buffer): Buffer | undefined {
    if (query.length < HEADER_BYTES || query.readUInt16BE(4) !== 1) return undefined;
    const labels: string[] = [];
    let offset = HEADER_BYTES;
    for (let length = query[offset]; length > 0; length = query[offset]) {
      labels.push(query.toString('latin1', offset + 1, offset + 1 + length));
      offset += 1 + length;
    }
    const questionEnd = offset + 1 + 4;
    if (questionEnd > query.length) return undefined;
    const type = query.readUInt16BE(offset + 1);
    const texts = this.records.get(labels.join('.').toLowerCase());
    const answers = texts && type === TYPE_TXT ? texts.map(txtRecord) : [];

    const header = Buffer.alloc(HEADER_BYTES);
    header.writeUInt16BE(query.readUInt16BE(0), 0);
    const recursionDesired = query.readUInt16BE(2) & FLAG_RECURSION_DESIRED;
    header.writeUInt16BE(FLAG_RESPONSE | FLAG_AUTHORITATIVE | recursionDesired | (texts ? 0 : RCODE_NXDOMAIN), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    return Buffer.concat([header, query.subarray(HEADER_BYTES, questionEnd), ...answers]);
  }
}

function txtRecord(text: string): Buffer {
  const value = Buffer.from(text, 'utf8');
  const strings: Buffer[] = [];
  for (let start = 0; start < value.length; start += MAX_CHARACTER_STRING) {
    const chunk = value.subarray(start, start + MAX_CHARACTER_STRING);
    strings.push(Buffer.from([chunk.length]), chunk);
  }
  const data = Buffer.concat(strings);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(POINTER_TO_QUESTION_NAME, 0);
  fixed.writeUInt16BE(TYPE_TXT, 2);
  fixed.writeUInt16BE(CLASS_IN, 4);
  fixed.writeUInt32BE(60, 6);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(data.length, 0);
  return Buffer.concat([fixed, length, data]);
}
