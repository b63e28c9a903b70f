// smtp-server accepting every message and discarding it: the ceiling of the SMTP benchmark (run as its own
// process, `node bench/lib/discard-smtp.mjs <port>`) and the relay that swallows Helpgate's outbound mail.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { SMTPServer } = require('smtp-server');

export const smtpServerVersion = require('smtp-server/package.json').version;

/** The same connection-level options as email-ingest's listener: no AUTH, no STARTTLS, no reverse lookup. */
export function startDiscardSmtp(port) {
  const server = new SMTPServer({
    banner: 'discard',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback(null, 'Ok: discarded'));
      stream.resume();
    },
  });
  return new Promise((resolve, reject) => {
    let listening = false;
    // smtp-server re-emits its listener's errors and every client's socket error (an ECONNRESET when a sender
    // drops its connection) on itself: unheard, such an event ends the process. Before listening it is a failure
    // to start; after, a discarding server has nothing to do about it but go on.
    server.on('error', (error) => {
      if (listening) console.error(`discard smtp-server: ${error.code ?? ''} ${error.message}`);
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => {
      listening = true;
      resolve({ port: server.server.address().port, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await startDiscardSmtp(Number(process.argv[2] ?? 0));
  console.log(`listening ${port}`);
}
