import { rmSync } from 'node:fs';
import path from 'node:path';
import { formatChatFaultTable, formatFaultTable, readFaultRows, resultsFileSetting } from './fault-table';

/** Prints the tables of every scenario that ran, and fails the run when any lost or duplicated something. */
export default function globalTeardown(): void {
  const file = process.env[resultsFileSetting];
  if (!file) return;
  const { mail, chat } = readFaultRows(file);
  rmSync(path.dirname(file), { recursive: true, force: true });
  if (mail.length > 0) process.stdout.write(`\nFault injection: what was sent and what became of it\n\n${formatFaultTable(mail)}\n\n`);
  if (chat.length > 0) {
    process.stdout.write(
      `\nFault injection, live chat: what was sent and acknowledged, and what chat holds\n\n${formatChatFaultTable(chat)}\n\n`,
    );
  }
  const failed = [...mail, ...chat].filter((row) => row.lost > 0 || row.duplicated > 0).map((row) => row.scenario);
  if (failed.length > 0) throw new Error(`Mail, contacts, chat messages or conversations lost or duplicated in: ${failed.join(', ')}`);
}
