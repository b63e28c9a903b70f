import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live chat's own data: visitors and their conversations, messages numbered per conversation, files by sha256, the
 * human queue, agents' connections (presence with leases), ratings, and what chat knows of identity's agents,
 * contacts and organizations (read models from identity's events; `known_at` keeps the newest fact).
 */
export class ChatSchema1764000000400 implements MigrationInterface {
  name = 'ChatSchema1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE chat_organizations (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        support_contract_active_until date,
        known_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE chat_contacts (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        organization_id uuid NOT NULL,
        known_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE chat_agents (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        languages text[] NOT NULL,
        chat_capacity integer NOT NULL,
        active boolean NOT NULL,
        known_at timestamptz NOT NULL,
        -- What the agent chose (available or away); offline is having no live connection.
        chosen_status text NOT NULL DEFAULT 'available' CHECK (chosen_status IN ('available', 'away')),
        last_assigned_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE agent_connections (
        socket_id text PRIMARY KEY,
        agent_id uuid NOT NULL,
        instance_id uuid NOT NULL,
        connected_at timestamptz NOT NULL DEFAULT now(),
        -- Renewed by the instance's heartbeat; set to the time of a clean disconnect. Past it, the connection is gone.
        lease_until timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX agent_connections_agent ON agent_connections (agent_id, lease_until)');
    await queryRunner.query('CREATE INDEX agent_connections_instance ON agent_connections (instance_id)');
    await queryRunner.query(`
      CREATE TABLE visitors (
        id uuid PRIMARY KEY,
        contact_id uuid,
        name text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX visitors_contact ON visitors (contact_id)');
    await queryRunner.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY,
        visitor_id uuid NOT NULL REFERENCES visitors (id),
        state text NOT NULL CHECK (state IN ('bot', 'queued', 'assigned', 'awaiting_email', 'closed', 'escalated')),
        queue_reason text,
        pending_escalation text,
        language text,
        previous_conversation_id uuid REFERENCES conversations (id),
        assigned_agent_id uuid,
        last_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        queued_at timestamptz,
        assigned_at timestamptz,
        first_assigned_at timestamptz,
        first_human_reply_at timestamptz,
        ended_at timestamptz,
        outcome text
      )`);
    await queryRunner.query('CREATE INDEX conversations_visitor ON conversations (visitor_id, created_at)');
    await queryRunner.query(`CREATE INDEX conversations_assigned ON conversations (assigned_agent_id) WHERE state = 'assigned'`);
    await queryRunner.query(`
      CREATE TABLE queue_entries (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id),
        reason text NOT NULL,
        -- Chats given back by an agent who dropped go before everyone who waits.
        front boolean NOT NULL DEFAULT false,
        enqueued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX queue_entries_order ON queue_entries (front DESC, enqueued_at)');
    await queryRunner.query(`
      CREATE TABLE chat_file_contents (
        sha256 text PRIMARY KEY,
        content bytea NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE chat_files (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id),
        sha256 text NOT NULL REFERENCES chat_file_contents (sha256),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY,
        conversation_id uuid NOT NULL REFERENCES conversations (id),
        sequence integer NOT NULL,
        client_id text NOT NULL,
        author_kind text NOT NULL CHECK (author_kind IN ('visitor', 'agent', 'ai', 'system')),
        agent_id uuid,
        text text NOT NULL,
        file_ids uuid[] NOT NULL DEFAULT '{}',
        sent_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, sequence),
        UNIQUE (conversation_id, client_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE chat_ratings (
        conversation_id uuid PRIMARY KEY REFERENCES conversations (id),
        score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text,
        rated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'chat_ratings',
      'chat_messages',
      'chat_files',
      'chat_file_contents',
      'queue_entries',
      'conversations',
      'visitors',
      'agent_connections',
      'chat_agents',
      'chat_contacts',
      'chat_organizations',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
