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

/**
 * A chat scenario's outcome, counted message by message from the clients' acknowledgements and chat's database
 * afterwards.
 */
export interface ChatFaultRow {
  scenario: string;
  /** Conversations the visitors started before the fault. */
  conversations: number;
  /** Of those, the ones left waiting in the queue (the rest were accepted by agents). */
  queued: number;
  /** Of the queued ones, those still in the queue at the end. */
  stillQueued: number;
  /** Messages the visitors and agents sent, each with its own client id. */
  sent: number;
  /** Messages sent again with the same client id because the instance went away before acknowledging them. */
  resent: number;
  /** Messages acknowledged (all of them, once resent). */
  acknowledged: number;
  /** The load's messages chat stores. */
  stored: number;
  /** Resumes whose missed messages did not follow the last sequence seen without a gap. */
  resumeGaps: number;
  /** Acknowledged messages not stored (or stored under another sequence), conversations missing, queued ones gone. */
  lost: number;
  /** Messages stored beyond the first for one client id, conversations beyond the one each visitor started. */
  duplicated: number;
}

type Columns<Row> = [keyof Row, string][];

const mailColumns: Columns<FaultRow> = [
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

const chatColumns: Columns<ChatFaultRow> = [
  ['scenario', 'scenario'],
  ['conversations', 'conversations'],
  ['queued', 'queued'],
  ['stillQueued', 'still queued'],
  ['sent', 'messages'],
  ['resent', 'resent'],
  ['acknowledged', 'acked'],
  ['stored', 'stored'],
  ['resumeGaps', 'resume gaps'],
  ['lost', 'lost'],
  ['duplicated', 'duplicated'],
];

/** Where the scenarios of one run write their rows; set by the global setup of the `faults` jest project. */
export const resultsFileSetting = 'FAULTS_RESULTS_FILE';

export interface FaultRows {
  mail: FaultRow[];
  chat: ChatFaultRow[];
}

/** A row of either table, told apart in the results file by the table it belongs to. */
type RecordedRow = ({ table: 'mail' } & FaultRow) | ({ table: 'chat' } & ChatFaultRow);

export function recordFaultRow(row: FaultRow): void {
  record({ table: 'mail', ...row });
}

export function recordChatFaultRow(row: ChatFaultRow): void {
  record({ table: 'chat', ...row });
}

function record(row: RecordedRow): void {
  const file = process.env[resultsFileSetting];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}

export function readFaultRows(file: string): FaultRows {
  const rows: FaultRows = { mail: [], chat: [] };
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const { table, ...row } = JSON.parse(line) as RecordedRow;
    if (table === 'chat') rows.chat.push(row as ChatFaultRow);
    else rows.mail.push(row as FaultRow);
  }
  return rows;
}

export function formatFaultTable(rows: FaultRow[]): string {
  return formatTable(mailColumns, rows);
}

export function formatChatFaultTable(rows: ChatFaultRow[]): string {
  return formatTable(chatColumns, rows);
}

function formatTable<Row>(columns: Columns<Row>, rows: Row[]): string {
  const cells = [columns.map(([, title]) => title), ...rows.map((row) => columns.map(([key]) => String(row[key])))];
  const widths = columns.map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]) : value.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `${'-'.repeat(width + 1)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
