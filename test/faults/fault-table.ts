import { appendFileSync, readFileSync } from 'node:fs';

/** One scenario's outcome, counted from the SMTP replies and the tickets and contacts the APIs list afterwards. */
export interface FaultRow {
  scenario: string;
  /** Messages of the load. */
  sent: number;
  /** Answered 250 at the first attempt. */
  accepted: number;
  /** Answered 4xx at the first attempt. */
  temporary: number;
  /** No answer at the first attempt: connection refused or closed (a sending server retries those too). */
  noReply: number;
  /** Answered 5xx: never expected here, no message of the load is wrong. */
  permanent: number;
  /** Messages sent again after a 4xx or no answer, and then answered 250. */
  resentAccepted: number;
  /** Tickets holding a message of the load. */
  tickets: number;
  /** Contacts of the load's senders. */
  contacts: number;
  /** AcknowledgementsService of the load's messages the relay received. */
  acknowledgements: number;
  /** Accepted messages without a ticket, plus senders of accepted messages without a contact. */
  lost: number;
  /**
   * Tickets past the first for one message, contacts past the first for one sender, inbound events (by event id) past
   * the first for one message, acknowledgements past the first for one message, and acknowledgements the relay took
   * without email-ingest recording it (sent again later).
   */
  duplicated: number;
}

const columns: [keyof FaultRow, string][] = [
  ['scenario', 'scenario'],
  ['sent', 'sent'],
  ['accepted', '250'],
  ['temporary', '4xx'],
  ['noReply', 'no reply'],
  ['permanent', '5xx'],
  ['resentAccepted', 'resent, 250'],
  ['tickets', 'tickets'],
  ['contacts', 'contacts'],
  ['acknowledgements', 'acks'],
  ['lost', 'lost'],
  ['duplicated', 'duplicated'],
];

/** Where the scenarios of one run write their rows; set by the global setup of the `faults` jest project. */
export const resultsFileSetting = 'FAULTS_RESULTS_FILE';

export function recordFaultRow(row: FaultRow): void {
  const file = process.env[resultsFileSetting];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

export function readFaultRows(file: string): FaultRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FaultRow);
}

export function formatFaultTable(rows: FaultRow[]): string {
  const cells = [columns.map(([, title]) => title), ...rows.map((row) => columns.map(([key]) => String(row[key])))];
  const widths = columns.map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
