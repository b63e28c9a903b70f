import { Logger } from '@nestjs/common';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import type { DatabaseConfig } from '@helpgate/config';
import { databaseUrl } from '@helpgate/database';
import type { ChatSocketsConfig } from '../config';
import { deliverHereFirst } from './here-first-broadcast';

/** The socket.io adapter that joins this instance's rooms to every other instance's, and what it holds open. */
export interface SocketCluster {
  readonly transport: 'postgres' | 'redis';
  /**
   * The adapter of one socket.io server. The Postgres one takes its listening connection when made and gives it
   * back when the server closes, so nothing is held while the service has no gateway.
   */
  adapter(): NonNullable<ServerOptions['adapter']>;
  /** Ends the connections, once the socket.io server is closed. */
  close(): Promise<void>;
}

/**
 * One connection listens; the rest publish a broadcast each (`pg_notify`, or an INSERT for large ones), so a few
 * suffice, apart from the service's own pool so chat traffic never waits behind conversation queries.
 */
const POSTGRES_ADAPTER_POOL_SIZE = 4;

/**
 * Connects this instance to the others: through Redis pub/sub when `REDIS_URL` is set, else through LISTEN/NOTIFY
 * on chat's own database. Instances sharing a database are one chat deployment, so the database name also keys the
 * Redis channels: two deployments on one Redis never see each other's rooms.
 */
export async function openSocketCluster(sockets: ChatSocketsConfig, database: DatabaseConfig): Promise<SocketCluster> {
  const logger = new Logger('SocketCluster');
  const logError = (error: unknown) => logger.error({ err: error }, 'socket.io adapter error');
  const cluster = sockets.redisUrl
    ? await openRedisCluster(sockets.redisUrl, database.name, logError)
    : openPostgresCluster(database, logError);
  logger.log({ transport: cluster.transport }, 'socket.io instances share rooms');
  return cluster;
}

async function openRedisCluster(url: string, deployment: string, logError: (error: unknown) => void): Promise<SocketCluster> {
  const publisher = createClient({ url });
  // A subscribed connection may issue nothing but (un)subscriptions, so listening takes a second one.
  const subscriber = publisher.duplicate();
  for (const client of [publisher, subscriber]) client.on('error', logError);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  return {
    transport: 'redis',
    adapter: () => createRedisAdapter(publisher, subscriber, { key: `helpgate-chat#${deployment}` }),
    async close() {
      await Promise.all([publisher.close(), subscriber.close()]);
    },
  };
}

function openPostgresCluster(database: DatabaseConfig, logError: (error: unknown) => void): SocketCluster {
  const pool = new Pool({
    connectionString: databaseUrl(database.serverUrl, database.name),
    max: POSTGRES_ADAPTER_POOL_SIZE,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', logError);
  // The adapter keeps one client checked out for LISTEN and adds no 'error' listener to it: without this, a database
  // restart ending that connection would be an uncaught 'error' and end the process. The adapter reconnects on 'end'.
  pool.on('connect', (client) => client.on('error', logError));
  return {
    transport: 'postgres',
    adapter: () => {
      const adapterOf = createPostgresAdapter(pool, { errorHandler: logError });
      // socket.io calls it with `new`, so a function, not an arrow.
      return function adapterOfNamespace(namespace: Parameters<typeof adapterOf>[0]) {
        return deliverHereFirst(adapterOf(namespace));
      };
    },
    async close() {
      await pool.end();
    },
  };
}
