/**
 * Counts the open SMTP sessions of each client address. A client at its limit is refused until one of
 * its sessions closes; memory follows the open sessions, as a client's entry goes with its last session.
 */
export class ConnectionLimiter {
  private readonly clientOfSession = new Map<string, string>();
  private readonly openSessionsOfClient = new Map<string, number>();

  constructor(private readonly maxSessionsPerClient: number) {}

  /** Counts the session for its client and returns true, or returns false when the client is at its limit. */
  admit(sessionId: string, clientAddress: string): boolean {
    const openSessions = this.openSessionsOfClient.get(clientAddress) ?? 0;
    if (openSessions >= this.maxSessionsPerClient) return false;
    this.openSessionsOfClient.set(clientAddress, openSessions + 1);
    this.clientOfSession.set(sessionId, clientAddress);
    return true;
  }

  /** Frees the session's place; a session that was never admitted (or already released) changes nothing. */
  release(sessionId: string): void {
    const clientAddress = this.clientOfSession.get(sessionId);
    if (clientAddress === undefined) return;
    this.clientOfSession.delete(sessionId);
    const openSessions = (this.openSessionsOfClient.get(clientAddress) ?? 1) - 1;
    if (openSessions > 0) this.openSessionsOfClient.set(clientAddress, openSessions);
    else this.openSessionsOfClient.delete(clientAddress);
  }

  get trackedClients(): number {
    return this.openSessionsOfClient.size;
  }
}
