import { Client, Query, QueryResult } from 'pg';
import { heldBeginStep } from './held-begin';

/** The parts of pg's connection and query that pg's typings leave out and this file uses. */
interface ProtocolConnection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  parse(query: { text: string }): void;
  bind(config: object): void;
  execute(config: object): void;
}

interface ProtocolQuery {
  submit(connection: ProtocolConnection): Error | null;
  handleCommandComplete(message: unknown, connection: ProtocolConnection): void;
}

type Callback = (error: Error | null | undefined, result?: QueryResult) => void;

type QueryInput = string | { text?: unknown; values?: unknown; name?: unknown; submit?: unknown };

const ProtocolQueryBase = Query as unknown as new (config: unknown, values?: unknown, callback?: Callback) => ProtocolQuery;

/**
 * A parameterized statement that opens its transaction: BEGIN is parsed, bound and executed ahead of it in the same
 * write and under the statement's own Sync. Postgres answers BEGIN's completion first, which is not the statement's;
 * should BEGIN fail, Postgres skips the statement up to the Sync and the statement fails with BEGIN's error.
 */
class TransactionOpeningQuery extends ProtocolQueryBase {
  private beginCompleted = false;

  override submit(connection: ProtocolConnection): Error | null {
    connection.stream.cork?.();
    try {
      connection.parse({ text: 'BEGIN' });
      connection.bind({});
      connection.execute({});
      return super.submit(connection);
    } finally {
      connection.stream.uncork?.();
    }
  }

  override handleCommandComplete(message: unknown, connection: ProtocolConnection): void {
    if (!this.beginCompleted) {
      this.beginCompleted = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/** What Postgres would have answered to a command that needed no round trip. */
function completed(command: string): QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] };
}

/**
 * The pg client every service's pool uses: opening a transaction costs no round trip of its own (see held-begin.ts).
 * TypeORM sends `START TRANSACTION` and waits for it before the first statement; at a steady trickle of mail each
 * transaction holds two or three statements, and begin and commit were a third of all round trips to Postgres.
 */
export class TransactionOpeningClient extends Client {
  private beginHeld = false;

  // Every form of pg's overloaded query() arrives here: text or a config object, with or without values, a promise
  // or a callback, or a query object that writes itself.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    return this.queryWithHeldBegin(config as QueryInput, values as unknown, callback as unknown);
  }

  private queryWithHeldBegin(config: QueryInput, values: unknown, callback: unknown): unknown {
    const submittable = typeof config === 'object' && typeof config.submit === 'function';
    const text = typeof config === 'string' ? config : submittable ? undefined : config.text;
    const parameters = Array.isArray(values) ? values : typeof config === 'object' && !submittable ? config.values : undefined;
    const named = typeof config === 'object' && config.name !== undefined;
    const parameterized = typeof text === 'string' && Array.isArray(parameters) && parameters.length > 0 && !named;
    const done = (typeof values === 'function' ? values : typeof callback === 'function' ? callback : undefined) as Callback | undefined;
    const step = heldBeginStep({ text: typeof text === 'string' ? text : undefined, parameterized, submittable }, this.beginHeld);
    switch (step) {
      case 'send':
        return this.send(config, values, callback);
      case 'hold-begin':
        this.beginHeld = true;
        return answer(completed('BEGIN'), done);
      case 'skip':
        this.beginHeld = false;
        return answer(completed(String(text).trim().toUpperCase()), done);
      case 'send-after-begin':
        this.beginHeld = false;
        this.send('BEGIN', (error: Error | null) => {
          // This runs before pg sends the next query: a failed BEGIN ends the connection rather than let that query
          // run outside a transaction.
          if (error) (this.connection.stream as unknown as { destroy(error: Error): void }).destroy(error);
        });
        return this.send(config, values, callback);
      case 'send-with-begin':
        this.beginHeld = false;
        if (done) return this.send(new TransactionOpeningQuery(config, values, done));
        return new Promise<QueryResult>((resolve, reject) => {
          this.send(new TransactionOpeningQuery(config, values, (error, result) => (error ? reject(error) : resolve(result!))));
        });
    }
  }

  /** pg's own query(), with the arguments as they came. */
  private send(...args: unknown[]): unknown {
    return (super.query as (...args: unknown[]) => unknown).apply(this, args);
  }
}

function answer(result: QueryResult, done: Callback | undefined): Promise<QueryResult> | undefined {
  if (!done) return Promise.resolve(result);
  process.nextTick(done, null, result);
  return undefined;
}
