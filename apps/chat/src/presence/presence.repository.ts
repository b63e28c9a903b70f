import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type Presence = 'available' | 'away' | 'offline';

/**
 * A row per agent connection, with the instance holding it and a lease the instance renews: presence follows real
 * connections on any instance, and the connections of an instance that died lapse with their lease.
 */
@Injectable()
export class PresenceRepository {
  async connect(
    connection: { socketId: string; agentId: string; instanceId: string },
    leaseMs: number,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO agent_connections (socket_id, agent_id, instance_id, lease_until)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))
       ON CONFLICT (socket_id) DO UPDATE SET lease_until = excluded.lease_until`,
      [connection.socketId, connection.agentId, connection.instanceId, leaseMs / 1000],
    );
  }

  /** The connection ends now; the row stays for the grace period, which counts from its end. */
  async disconnect(socketId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE agent_connections SET lease_until = least(lease_until, now()) WHERE socket_id = $1', [socketId]);
  }

  async endAllOfInstance(instanceId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE agent_connections SET lease_until = least(lease_until, now()) WHERE instance_id = $1', [instanceId]);
  }

  async renewInstance(instanceId: string, leaseMs: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE agent_connections SET lease_until = now() + make_interval(secs => $2) WHERE instance_id = $1 AND lease_until > now()`,
      [instanceId, leaseMs / 1000],
    );
  }

  /** Forgets connections that ended longer ago than the grace period (and a lease) before. */
  async purgeEndedBefore(ms: number, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM agent_connections WHERE lease_until < now() - make_interval(secs => $1)', [ms / 1000]);
  }

  async presenceOf(agentId: string, manager: EntityManager): Promise<Presence> {
    const rows: { chosen_status: 'available' | 'away'; online: boolean }[] = await manager.query(
      `SELECT a.chosen_status,
              EXISTS (SELECT 1 FROM agent_connections k WHERE k.agent_id = a.id AND k.lease_until > now()) AS online
         FROM chat_agents a WHERE a.id = $1`,
      [agentId],
    );
    const row = rows[0];
    if (!row?.online) return 'offline';
    return row.chosen_status;
  }

  /** The languages of the agents online and available, for visitors to know which to write in. */
  async languagesOnline(manager: EntityManager): Promise<string[]> {
    const rows: { language: string }[] = await manager.query(
      `SELECT DISTINCT unnest(a.languages) AS language FROM chat_agents a
        WHERE a.active AND a.chosen_status = 'available'
          AND EXISTS (SELECT 1 FROM agent_connections k WHERE k.agent_id = a.id AND k.lease_until > now())
        ORDER BY 1`,
    );
    return rows.map((row) => row.language);
  }
}
