import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface Submission {
  id: string;
  email: string;
  clientAddress: string | null;
  submittedAt: Date;
}

/** The requests the form accepted: counted for the rate limits, and each linked to the one ticket it became. */
@Injectable()
export class CustomerSuccessRepository {
  /** Serializes the submissions of one address, so two at once cannot both pass the limit. */
  async lockAddress(email: string, manager: EntityManager): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('customer_success:' || $1))", [email]);
  }

  async countSince(since: Date, by: { email: string } | { clientAddress: string }, manager: EntityManager): Promise<number> {
    const [column, value] = 'email' in by ? ['email', by.email] : ['client_address', by.clientAddress];
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) FROM customer_success_submissions WHERE ${column} = $1 AND submitted_at > $2`,
      [value, since],
    );
    return Number(count);
  }

  async add(submission: Submission, manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO customer_success_submissions (id, email, client_address, submitted_at) VALUES ($1, $2, $3, $4)', [
      submission.id,
      submission.email,
      submission.clientAddress,
      submission.submittedAt,
    ]);
  }

  /** The ticket the submission became, locking its row until the transaction ends; null when none yet. */
  async ticketOf(submissionId: string, manager: EntityManager): Promise<string | null> {
    const [row]: { ticket_id: string | null }[] = await manager.query(
      'SELECT ticket_id FROM customer_success_submissions WHERE id = $1 FOR UPDATE',
      [submissionId],
    );
    return row?.ticket_id ?? null;
  }

  /** Links the submission to its ticket; a submission this database does not hold (an event replayed from elsewhere) is added. */
  async recordTicket(submission: Submission, ticketId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO customer_success_submissions (id, email, client_address, submitted_at, ticket_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET ticket_id = excluded.ticket_id`,
      [submission.id, submission.email, submission.clientAddress, submission.submittedAt, ticketId],
    );
  }
}
