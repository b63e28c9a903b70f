#!/usr/bin/env node
// Local single-node KRaft Kafka broker for development and tests, run from the
// Kafka jars on Maven Central (no Docker, no Kafka distribution to install).
//
//   node scripts/local-kafka.mjs start    # prints KAFKA_BROKERS=127.0.0.1:9092
//   node scripts/local-kafka.mjs status   # exit code 0 when running, 1 when stopped
//   node scripts/local-kafka.mjs stop
//
// Everything it creates lives in <repo>/.infra/kafka. Set KAFKA_BROKERS to use an
// existing cluster instead, LOCAL_KAFKA_PORT / LOCAL_KAFKA_CONTROLLER_PORT to move it.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptsDir, '..');
const kafkaHome = path.join(repoRoot, '.infra', 'kafka');

const files = {
  pom: path.join(scriptsDir, 'kafka', 'pom.xml'),
  log4jConfig: path.join(scriptsDir, 'kafka', 'log4j.properties'),
  libsDir: path.join(kafkaHome, 'libs'),
  libsMarker: path.join(kafkaHome, 'libs', '.resolved-version'),
  dataDir: path.join(kafkaHome, 'data'),
  logDir: path.join(kafkaHome, 'data', 'kraft-logs'),
  clusterId: path.join(kafkaHome, 'data', 'cluster-id'),
  metaProperties: path.join(kafkaHome, 'data', 'kraft-logs', 'meta.properties'),
  serverProperties: path.join(kafkaHome, 'server.properties'),
  brokerLog: path.join(kafkaHome, 'broker.log'),
  previousBrokerLog: path.join(kafkaHome, 'broker.previous.log'),
  pidFile: path.join(kafkaHome, 'broker.pid'),
  lockFile: path.join(kafkaHome, 'start.lock'),
};

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
// The first Maven resolution of another process can hold the lock for minutes.
const LOCK_TIMEOUT_MS = 10 * 60_000;
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

const execFileAsync = promisify(execFile);

function localPorts() {
  return {
    port: Number(process.env.LOCAL_KAFKA_PORT ?? 9092),
    controllerPort: Number(process.env.LOCAL_KAFKA_CONTROLLER_PORT ?? 9093),
  };
}

function localBrokers() {
  return `127.0.0.1:${localPorts().port}`;
}

export async function ensureKafka({ log = console.error } = {}) {
  if (process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, started: false };

  const brokers = localBrokers();
  if (await answersAsKafka(brokers)) return { brokers, started: false };

  await fsp.mkdir(kafkaHome, { recursive: true });
  const releaseLock = await acquireStartLock(log);
  try {
    // Another process may have started it while we waited for the lock.
    if (await answersAsKafka(brokers)) return { brokers, started: false };

    const existingPid = readBrokerPid();
    if (existingPid && isBrokerProcess(existingPid)) {
      log(`Kafka broker (pid ${existingPid}) is running but not answering yet, waiting for it...`);
      await waitUntilReady(brokers, { pid: existingPid, log });
      return { brokers, started: false };
    }
    if (await acceptsConnections(localPorts().port)) {
      throw new Error(`${brokers} is taken by something that does not answer as Kafka`);
    }

    await resolveJars(log);
    await writeServerProperties();
    await formatStorageOnce(log);
    const child = startBroker(log);
    await waitUntilReady(brokers, { pid: child.pid, child, log });
    return { brokers, started: true };
  } finally {
    await releaseLock();
  }
}

export async function stopKafka({ log = console.error } = {}) {
  const pid = readBrokerPid();
  if (!pid || !isBrokerProcess(pid)) {
    log('Kafka broker is not running.');
    await fsp.rm(files.pidFile, { force: true });
    return false;
  }
  log(`Stopping Kafka broker (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
    log(`Kafka broker did not stop within ${STOP_TIMEOUT_MS / 1000} s, killing it.`);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, STOP_TIMEOUT_MS);
  }
  await fsp.rm(files.pidFile, { force: true });
  log('Kafka broker stopped.');
  return true;
}

// Simulates a crash for fault-injection tests: the pid file is left behind on
// purpose, ensureKafka() has to cope with it.
export async function killKafka() {
  const pid = readBrokerPid();
  if (!pid || !isBrokerProcess(pid)) return null;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, STOP_TIMEOUT_MS);
  return pid;
}

async function answersAsKafka(brokers) {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({
    clientId: 'local-kafka-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function acceptsConnections(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

async function acquireStartLock(log) {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      const handle = await fsp.open(files.lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fsp.rm(files.lockFile, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = await readLockHolder();
    if (holder.stale) {
      await fsp.rm(files.lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${files.lockFile} (held by pid ${holder.pid})`);
    }
    if (!announced) {
      log(`Another process (pid ${holder.pid}) is starting Kafka, waiting for it...`);
      announced = true;
    }
    await sleep(500);
  }
}

async function readLockHolder() {
  try {
    const [content, stats] = await Promise.all([
      fsp.readFile(files.lockFile, 'utf8'),
      fsp.stat(files.lockFile),
    ]);
    const pid = Number.parseInt(content, 10);
    // An empty lock file is one being written right now, unless it is old.
    if (Number.isNaN(pid)) return { pid: 'unknown', stale: Date.now() - stats.mtimeMs > 10_000 };
    return { pid, stale: !isAlive(pid) };
  } catch (error) {
    if (error.code === 'ENOENT') return { pid: 'none', stale: false };
    throw error;
  }
}

async function resolveJars(log) {
  const kafkaVersion = readKafkaVersionFromPom();
  if (readTextOrNull(files.libsMarker)?.trim() === kafkaVersion) return;

  log(`Resolving Kafka ${kafkaVersion} jars with Maven (the first time takes a few minutes)...`);
  await fsp.rm(files.libsDir, { recursive: true, force: true });
  await runCommand('mvn', [
    '-q',
    '-B',
    '-f',
    files.pom,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${files.libsDir}`,
  ]);
  await fsp.writeFile(files.libsMarker, `${kafkaVersion}\n`);
}

function readKafkaVersionFromPom() {
  const match = fs.readFileSync(files.pom, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!match) throw new Error(`No <kafka.version> in ${files.pom}`);
  return match[1].trim();
}

async function writeServerProperties() {
  const { port, controllerPort } = localPorts();
  const properties = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': files.logDir,
    'num.partitions': 2,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    // After a crash the controller keeps the dead broker's registration until its
    // session expires (9 s by default), which delays every restart after a kill.
    'broker.session.timeout.ms': 4_000,
    'broker.heartbeat.interval.ms': 1_000,
    'log.retention.hours': 24,
    'log.segment.bytes': 64 * 1024 * 1024,
    'log.retention.check.interval.ms': 5 * 60_000,
  };
  const lines = Object.entries(properties).map(([key, value]) => `${key}=${value}`);
  await fsp.writeFile(
    files.serverProperties,
    `# Generated by scripts/local-kafka.mjs, rewritten on every start.\n${lines.join('\n')}\n`,
  );
}

async function formatStorageOnce(log) {
  if (fs.existsSync(files.metaProperties)) return;

  await fsp.mkdir(files.dataDir, { recursive: true });
  let clusterId = readTextOrNull(files.clusterId)?.trim();
  if (!clusterId) {
    clusterId = (await runKafkaTool(['random-uuid'])).trim();
    await fsp.writeFile(files.clusterId, `${clusterId}\n`);
  }
  log(`Formatting Kafka storage in ${files.logDir} (cluster id ${clusterId})...`);
  await runKafkaTool(['format', '-t', clusterId, '-c', files.serverProperties]);
}

function runKafkaTool(args) {
  return runCommand(javaBinary(), [...javaBaseArgs(), 'kafka.tools.StorageTool', ...args]);
}

function startBroker(log) {
  if (fs.existsSync(files.brokerLog)) fs.renameSync(files.brokerLog, files.previousBrokerLog);
  const output = fs.openSync(files.brokerLog, 'a');
  const child = spawn(
    javaBinary(),
    [...JVM_OPTIONS, ...javaBaseArgs(), 'kafka.Kafka', files.serverProperties],
    { cwd: kafkaHome, detached: true, stdio: ['ignore', output, output] },
  );
  fs.closeSync(output);
  child.once('error', (error) => (child.spawnError = error));
  child.once('exit', (code, signal) => (child.exitStatus = signal ?? `code ${code}`));
  child.unref();
  if (child.pid) fs.writeFileSync(files.pidFile, `${child.pid}\n`);
  log(`Started Kafka broker (pid ${child.pid}), log: ${files.brokerLog}`);
  return child;
}

async function waitUntilReady(brokers, { pid, child, log }) {
  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  while (Date.now() - startedAt < START_TIMEOUT_MS) {
    const exitReason = child?.spawnError?.message ?? child?.exitStatus ?? (isAlive(pid) ? null : 'exited');
    if (exitReason) {
      throw new Error(`Kafka broker (pid ${pid}) failed to start (${exitReason}):\n${await brokerLogTail()}`);
    }
    if (await answersAsKafka(brokers)) {
      log(`Kafka broker is ready on ${brokers} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
      return;
    }
    if (Date.now() - lastProgressAt >= 5_000) {
      log(`Waiting for the Kafka broker on ${brokers}... ${Math.round((Date.now() - startedAt) / 1000)} s`);
      lastProgressAt = Date.now();
    }
    await sleep(500);
  }
  throw new Error(
    `Kafka broker (pid ${pid}) did not answer on ${brokers} within ${START_TIMEOUT_MS / 1000} s ` +
      `(it is left running; "node scripts/local-kafka.mjs stop" stops it). Last lines of ${files.brokerLog}:\n` +
      (await brokerLogTail()),
  );
}

async function brokerLogTail(lineCount = 40) {
  const text = readTextOrNull(files.brokerLog);
  return text ? text.trimEnd().split('\n').slice(-lineCount).join('\n') : '(broker.log is empty)';
}

function javaBinary() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function javaBaseArgs() {
  // Java expands the trailing '*' itself to every jar of the folder.
  return [`-Dlog4j.configuration=file:${files.log4jConfig}`, '-cp', path.join(files.libsDir, '*')];
}

async function runCommand(command, args) {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd: kafkaHome, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${error.stdout ?? ''}`);
  }
}

function readBrokerPid() {
  const pid = Number.parseInt(readTextOrNull(files.pidFile) ?? '', 10);
  return Number.isNaN(pid) ? null : pid;
}

// Guards against signalling an unrelated process that reused a stale pid.
function isBrokerProcess(pid) {
  if (!isAlive(pid)) return false;
  const commandLine = readTextOrNull(`/proc/${pid}/cmdline`);
  return commandLine === null || commandLine.includes(files.serverProperties);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

function readTextOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

async function main(command) {
  switch (command) {
    case 'start': {
      const { brokers } = await ensureKafka();
      console.log(`KAFKA_BROKERS=${brokers}`);
      return 0;
    }
    case 'stop':
      await stopKafka();
      return 0;
    case 'status': {
      const brokers = process.env.KAFKA_BROKERS || localBrokers();
      const running = await answersAsKafka(brokers);
      console.log(`${running ? 'running' : 'stopped'} ${brokers}`);
      return running ? 0 : 1;
    }
    default:
      console.error('Usage: node scripts/local-kafka.mjs start|stop|status');
      return 2;
  }
}

const invokedDirectly = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv[2]).then(
    (exitCode) => process.exit(exitCode),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
