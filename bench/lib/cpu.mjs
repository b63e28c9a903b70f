// CPU time a process has used, from /proc/<pid>/stat (user + system), in seconds.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let clockTicksPerSecond;

function ticksPerSecond() {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

export function cpuSecondsOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after it are counted from its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  return (userTicks + systemTicks) / ticksPerSecond();
}

export function totalCpuSecondsOf(pids) {
  return pids.reduce((total, pid) => total + cpuSecondsOf(pid), 0);
}

/** CPU seconds of every process whose command name is `command` (Postgres: the postmaster and each backend). */
export function cpuSnapshotOfCommand(command) {
  const snapshot = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) snapshot.set(entry, cpuSecondsOf(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return snapshot;
}

/** CPU seconds those processes used since `before`; a process started since counts from zero, one ended since is lost. */
export function cpuSecondsOfCommandSince(command, before) {
  let total = 0;
  for (const [pid, seconds] of cpuSnapshotOfCommand(command)) total += seconds - (before.get(pid) ?? 0);
  return total;
}
