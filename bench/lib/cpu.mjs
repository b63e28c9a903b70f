// CPU time a process has used, from /proc/<pid>/stat (user + system), in seconds; and which process listens on a port.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

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
  return cpuSecondsOfCommandSinceByGroup(command, before, () => 'all').get('all') ?? 0;
}

/**
 * As cpuSecondsOfCommandSince, split by `groupOf(commandLine)` (Postgres backends name their database there): a Map
 * from group to seconds.
 */
export function cpuSecondsOfCommandSinceByGroup(command, before, groupOf) {
  const totals = new Map();
  for (const [pid, seconds] of cpuSnapshotOfCommand(command)) {
    let commandLine = '';
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      // The process ended since the snapshot: its time still counts, in the group of an empty command line.
    }
    const group = groupOf(commandLine);
    totals.set(group, (totals.get(group) ?? 0) + seconds - (before.get(pid) ?? 0));
  }
  return totals;
}

/**
 * The process listening on TCP `port` (from /proc/net/tcp{,6} and each process's open sockets), or undefined: how the
 * benchmarks find the Kafka broker, whoever started it (a pid file exists only when this checkout's scripts did).
 */
export function pidListeningOn(port) {
  const listening = new Set();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines = [];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const [, local, , state, , , , , , inode] = line.trim().split(/\s+/);
      // State 0A is LISTEN; the local address ends with the port in hexadecimal.
      if (state === '0A' && Number.parseInt(local.split(':')[1], 16) === port) listening.add(`socket:[${inode}]`);
    }
  }
  if (listening.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) if (listening.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return Number(entry);
    } catch {
      // Ended, or not ours to read.
    }
  }
  return undefined;
}

/**
 * Starts counting the CPU of every process a distinct mail costs: the three services, every `postgres` process
 * (backends of this run's databases apart from the rest: the server is shared), and the broker. The returned
 * function gives seconds per group since.
 */
export function startPipelineCpu(helpgate, kafkaPid) {
  const services = ['email-ingest', 'identity', 'tickets'];
  const pidsBefore = Object.fromEntries(services.map((service) => [service, helpgate.pidsOf(service)]));
  const servicesBefore = Object.fromEntries(services.map((service) => [service, totalCpuSecondsOf(pidsBefore[service])]));
  const postgresBefore = cpuSnapshotOfCommand('postgres');
  const kafkaBefore = kafkaPid ? cpuSecondsOf(kafkaPid) : NaN;
  return () => {
    const postgres = cpuSecondsOfCommandSinceByGroup('postgres', postgresBefore, (commandLine) =>
      commandLine.includes(` ${helpgate.name}_`) ? 'postgres-run' : 'postgres-other',
    );
    return {
      ...Object.fromEntries(services.map((service) => [service, totalCpuSecondsOf(pidsBefore[service]) - servicesBefore[service]])),
      'postgres-run': postgres.get('postgres-run') ?? 0,
      'postgres-other': postgres.get('postgres-other') ?? 0,
      kafka: kafkaPid ? cpuSecondsOf(kafkaPid) - kafkaBefore : NaN,
    };
  };
}

/**
 * Starts counting the machine's busy CPU time (every CPU, every process, from /proc/stat); the returned function gives
 * how many CPUs were busy on average since, and of how many.
 */
export function startMachineCpu() {
  const read = () => {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const all = ticks.reduce((sum, value) => sum + value, 0);
    // The fourth and fifth counters are idle and waiting for I/O.
    return { busy: all - ticks[3] - (ticks[4] ?? 0), all };
  };
  const before = read();
  const cpus = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((line) => /^cpu\d/.test(line)).length;
  return () => {
    const now = read();
    return { busyCpus: (cpus * (now.busy - before.busy)) / (now.all - before.all), cpus };
  };
}
