// A DNS server answering from memory, standing in for the warm cache of a local resolver: email-ingest
// evaluates SPF, DKIM and DMARC for every message, and a benchmark must measure that work, not the
// latency of whatever DNS the machine happens to reach. The benchmark sender domains publish an SPF
// record passing 127.0.0.1; every other name does not exist (so DMARC and DKIM find no record).
import { createSocket } from 'node:dgram';

const HEADER_BYTES = 12;
const TYPE_TXT = 16;
const RESPONSE_FLAGS = 0x8400; // response, authoritative
const NXDOMAIN = 3;

export const benchSenderDomainSuffix = 'bench.test';
const spfRecord = Buffer.from('v=spf1 ip4:127.0.0.1 -all');

function answer(query) {
  if (query.length < HEADER_BYTES || query.readUInt16BE(4) !== 1) return undefined;
  const labels = [];
  let offset = HEADER_BYTES;
  while (offset < query.length && query[offset] > 0) {
    labels.push(query.toString('latin1', offset + 1, offset + 1 + query[offset]));
    offset += 1 + query[offset];
  }
  const questionEnd = offset + 5;
  if (questionEnd > query.length) return undefined;
  const name = labels.join('.').toLowerCase();
  const known = name === benchSenderDomainSuffix || name.endsWith(`.${benchSenderDomainSuffix}`);
  const withSpf = known && !name.startsWith('_') && query.readUInt16BE(offset + 1) === TYPE_TXT;
  const header = Buffer.alloc(HEADER_BYTES);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(RESPONSE_FLAGS | (query.readUInt16BE(2) & 0x0100) | (known ? 0 : NXDOMAIN), 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(withSpf ? 1 : 0, 6);
  const parts = [header, query.subarray(HEADER_BYTES, questionEnd)];
  if (withSpf) {
    const record = Buffer.alloc(12);
    record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question
    record.writeUInt16BE(TYPE_TXT, 2);
    record.writeUInt16BE(1, 4); // class IN
    record.writeUInt32BE(300, 6);
    record.writeUInt16BE(spfRecord.length + 1, 10);
    parts.push(record, Buffer.from([spfRecord.length]), spfRecord);
  }
  return Buffer.concat(parts);
}

/** Starts the server on 127.0.0.1; `address` is what DNS_SERVERS takes. */
export function startDnsStub() {
  const socket = createSocket('udp4');
  socket.on('message', (query, client) => {
    const response = answer(query);
    if (response) socket.send(response, client.port, client.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      // A reply to a resolver that already gave up may fail; the next query is answered all the same.
      socket.on('error', (error) => console.error(`dns stub: ${error.code ?? ''} ${error.message}`));
      resolve({
        address: `127.0.0.1:${socket.address().port}`,
        close: () => new Promise((done) => socket.close(done)),
      });
    });
  });
}
