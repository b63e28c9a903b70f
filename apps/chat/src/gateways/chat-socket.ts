import type { DefaultEventsMap, Namespace, Socket } from 'socket.io';
import type { TokenBucket } from '../limits/rate-limiter';
import type { VisitorSession } from '../visitors/visitor-authentication';

/** The timers following an agent token's end on its socket. */
export interface TokenExpiry {
  expiring: NodeJS.Timeout;
  expired: NodeJS.Timeout;
}

/** What chat keeps on a socket while it is connected. */
export interface ChatSocketData {
  /** `/visitor`: who the visitor is. */
  session?: VisitorSession;
  /** `/agent`: the agent the token names. */
  agentId?: string;
  tokenExpiry?: TokenExpiry;
  /** The address counted against the connections-per-address limit. */
  countedAddress?: string;
  messageBucket?: TokenBucket;
}

export type ChatSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, ChatSocketData>;
export type ChatNamespace = Namespace<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, ChatSocketData>;
