import { BroadcastOptions, ClusterAdapterWithHeartbeat, MessageType } from 'socket.io-adapter';

/**
 * socket.io's cluster adapter (the Postgres one) publishes a broadcast to the other instances (a NOTIFY through
 * Postgres) and only then delivers it to this instance's own sockets: every chat message waited for a database
 * round trip before reaching an agent connected here, and paid it even with no other instance to tell. With this,
 * the sockets here get it at once, and it is published only while other instances are known. An instance announces
 * itself when its namespaces are made, before it accepts any connection, and every few seconds after (the adapter's
 * heartbeat), so a broadcast to a socket on another instance is never skipped for want of knowing it.
 */
export function deliverHereFirst<Adapter extends ClusterAdapterWithHeartbeat>(adapter: Adapter): Adapter {
  const broadcastThroughCluster = adapter.broadcast.bind(adapter);
  adapter.broadcast = async (packet: unknown, opts: BroadcastOptions): Promise<void> => {
    if (opts.flags?.local) return broadcastThroughCluster(packet, opts);
    await broadcastThroughCluster(packet, { ...opts, flags: { ...opts.flags, local: true } });
    if ((await adapter.serverCount()) > 1) {
      adapter.publish({
        type: MessageType.BROADCAST,
        data: { packet, opts: { rooms: [...opts.rooms], except: [...(opts.except ?? [])], flags: opts.flags ?? {} } },
      });
    }
  };
  return adapter;
}
