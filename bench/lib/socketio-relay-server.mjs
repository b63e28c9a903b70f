// The bare reference for the chat benchmark: socket.io alone, no persistence, no adapter. A socket joins the
// room named by its `pair` query parameter; a message it sends goes to the other socket of its pair, as chat
// relays a visitor's message to the agent of the conversation. Started as its own process, as chat is, and set up
// as socket.io's documentation advises for a deployment (https://socket.io/docs/v4/memory-usage/): the handshake's
// HTTP request is let go once the connection is made, as chat lets it go, so the comparison is with a bare server
// configured as well as chat is, not with socket.io's defaults.
import { createRequire } from 'node:module';
import { repoRoot } from './paths.mjs';

const require = createRequire(`${repoRoot}/package.json`);
const { Server } = require('socket.io');

const io = new Server(Number(process.env.PORT), { serveClient: false });
io.on('connection', (socket) => {
  const pair = String(socket.handshake.query.pair ?? socket.id);
  void socket.join(pair);
  // The pair was the one thing needed from the request (socket.io's own handshake copy was made before this).
  socket.conn.request = null;
  socket.on('message', (payload) => socket.to(pair).emit('message', payload));
});
