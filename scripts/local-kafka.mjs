#!/usr/bin/env node
// Local single-node KRaft Kafka broker for development and tests, run from the
// Kafka jars on Maven Central (no Docker, no Kafka distribution to install).
//
//   node scripts/local-kafka.mjs start    # prints KAFKA_BROKERS=127.0.0.1:9092
//   node scripts/local-kafka.mjs status   # exit code 0 when running, 1 when stopped
//   node scripts/local-kafka.mjs stop
//   node scripts/local-kafka.mjs kill     # SIGKILL, as a crash would
//
// Everything it creates lives in <repo>/.infra/kafka. Set KAFKA_BROKERS to use an
// existing cluster instead, LOCAL_KAFKA_PORT / LOCAL_KAFKA_CONTROLLER_PORT to move it.
//
// A test that stops or kills a broker runs one of its own next to the shared one:
//
//   node scripts/local-kafka.mjs start --instance outage-1 --port 19092 --controller-port 19093
//   node scripts/local-kafka.mjs remove --instance outage-1   # stops it and deletes its data
//
// A named instance keeps its data, logs and pid in .infra/kafka/instances/<name>, shares the
// jars, needs explicit ports and ignores KAFKA_BROKERS: whoever asks for it gets a broker of its own.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptsDir, '..');
const kafkaHome = path.join(repoRoot, '.infra', 'kafka');

/** What every instance shares: the Maven project and the jars resolved from it. */
const sharedFiles = {
  pom: path.join(scriptsDir, 'kafka', 'pom.xml'),
  log4jConfig: path.join(scriptsDir, 'kafka', 'log4j.properties'),
  libsDir: path.join(kafkaHome, 'libs'),
  libsMarker: path.join(kafkaHome, 'libs', '.resolved-version'),
  libsLockFile: path.join(kafkaHome, 'libs.lock'),
};

const DEFAULT_INSTANCE = 'default';
const INSTANCE_NAME = /^[a-z0-9-]{1,40}$/;

const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
// The first Maven resolution of another process can hold the lock for minutes.
const LOCK_TIMEOUT_MS = 10 * 60_000;
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

const execFileAsync = promisify(execFile);

/** The files of one instance: the default one directly in .infra/kafka, any other in instances/<name>. */
function instanceFiles(instance) {
  const home = instance === DEFAULT_INSTANCE ? kafkaHome : path.join(kafkaHome, 'instances', validInstanceName(instance));
  const dataDir = path.join(home, 'data');
  const logDir = path.join(dataDir, 'kraft-logs');
  return {
    home,
    dataDir,
    logDir,
    clusterId: path.join(dataDir, 'cluster-id'),
    metaProperties: path.join(logDir, 'meta.properties'),
    serverProperties: path.join(home, 'server.properties'),
    brokerLog: path.join(home, 'broker.log'),
    previousBrokerLog: path.join(home, 'broker.previous.log'),
    pidFile: path.join(home, 'broker.pid'),
    lockFile: path.join(home, 'start.lock'),
  };
}

function validInstanceName(instance) {
  if (typeof instance !== 'string' || !INSTANCE_NAME.test(instance)) {
    throw new Error(`Invalid Kafka instance name ${JSON.stringify(instance)}: use 1 to 40 of a-z, 0-9 and -`);
  }
  return instance;
}

/** Explicit ports win; the default instance falls back to LOCAL_KAFKA_PORT / LOCAL_KAFKA_CONTROLLER_PORT, then 9092 / 9093. */
function listenerPorts(instance, { port, controllerPort }) {
  const ports = {
    port: brokerPort(instance, port),
    controllerPort: listenerPort(instance, 'Kafka controller port', controllerPort, 'LOCAL_KAFKA_CONTROLLER_PORT', 9093),
  };
  if (ports.port === ports.controllerPort) throw new Error(`The Kafka port and controller port are both ${ports.port}`);
  return ports;
}

function brokerPort(instance, port) {
  return listenerPort(instance, 'Kafka port', port, 'LOCAL_KAFKA_PORT', 9092);
}

function listenerPort(instance, name, explicitPort, setting, defaultPort) {
  if (explicitPort !== undefined) return validPort(name, explicitPort);
  if (instance !== DEFAULT_INSTANCE) throw new Error(`${brokerName(instance)} needs an explicit ${name}`);
  return validPort(setting, process.env[setting] ?? defaultPort);
}

function validPort(name, value) {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`Invalid ${name}: ${JSON.stringify(value)}`);
  return port;
}

function brokerName(instance) {
  return instance === DEFAULT_INSTANCE ? 'Kafka broker' : `Kafka broker ${instance}`;
}

function cliCommand(instance, command) {
  const instanceOption = instance === DEFAULT_INSTANCE ? '' : ` --instance ${instance}`;
  return `node scripts/local-kafka.mjs ${command}${instanceOption}`;
}

export async function ensureKafka({ log = console.error, instance = DEFAULT_INSTANCE, port, controllerPort } = {}) {
  if (instance === DEFAULT_INSTANCE && process.env.KAFKA_BROKERS) return { brokers: process.env.KAFKA_BROKERS, started: false };

  const files = instanceFiles(instance);
  const ports = listenerPorts(instance, { port, controllerPort });
  const brokers = `127.0.0.1:${ports.port}`;
  const name = brokerName(instance);
  if (await answersAsInstance(instance, brokers)) return { brokers, started: false };

  await fsp.mkdir(files.home, { recursive: true });
  const releaseLock = await acquireLock(files.lockFile, `starting the ${name}`, log);
  try {
    // Another process may have started it while we waited for the lock.
    if (await answersAsInstance(instance, brokers)) return { brokers, started: false };

    const existingPid = readBrokerPid(files);
    if (existingPid && isBrokerProcess(existingPid, files)) {
      log(`${name} (pid ${existingPid}) is running but not answering yet, waiting for it...`);
      await waitUntilReady(brokers, { pid: existingPid, files, instance, log });
      return { brokers, started: false };
    }
    if (await acceptsConnections(ports.port)) {
      throw new Error(`${brokers} is taken by something that does not answer as the ${name}`);
    }

    await resolveJars(log);
    await writeServerProperties(files, ports);
    await formatStorageOnce(files, log);
    const child = startBroker(files, instance, log);
    await waitUntilReady(brokers, { pid: child.pid, child, files, instance, log });
    return { brokers, started: true };
  } finally {
    await releaseLock();
  }
}

export async function stopKafka({ log = console.error, instance = DEFAULT_INSTANCE } = {}) {
  const files = instanceFiles(instance);
  const name = brokerName(instance);
  const pid = readBrokerPid(files);
  if (!pid || !isBrokerProcess(pid, files)) {
    log(`${name} is not running.`);
    await fsp.rm(files.pidFile, { force: true });
    return false;
  }
  log(`Stopping ${name} (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
    log(`${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s, killing it.`);
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, STOP_TIMEOUT_MS);
  }
  await fsp.rm(files.pidFile, { force: true });
  log(`${name} stopped.`);
  return true;
}

// Simulates a crash for fault-injection tests: the pid file is left behind on
// purpose, ensureKafka() has to cope with it.
export async function killKafka({ instance = DEFAULT_INSTANCE } = {}) {
  const files = instanceFiles(instance);
  const pid = readBrokerPid(files);
  if (!pid || !isBrokerProcess(pid, files)) return null;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, STOP_TIMEOUT_MS);
  return pid;
}

/** Ends a named instance and deletes its folder, data included; the shared default instance is never removed. */
export async function removeKafkaInstance({ instance } = {}) {
  if (instance === DEFAULT_INSTANCE) throw new Error('The default Kafka instance is shared and cannot be removed; stop it instead');
  const files = instanceFiles(instance);
  // Its data is deleted next, so a graceful shutdown would only cost time.
  await killKafka({ instance });
  await fsp.rm(files.home, { recursive: true, force: true });
}

/** Whether this instance answers on `brokers`; for the default instance any Kafka there will do, as it always did. */
async function answersAsInstance(instance, brokers) {
  const clusterId = await answeringClusterId(brokers);
  if (clusterId === null || instance === DEFAULT_INSTANCE) return clusterId !== null;
  return clusterId === readTextOrNull(instanceFiles(instance).clusterId)?.trim();
}

async function answeringClusterId(brokers) {
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
    return cluster.brokers.length > 0 ? cluster.clusterId : null;
  } catch {
    return null;
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

async function acquireLock(lockFile, activity, log) {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  let announced = false;
  for (;;) {
    try {
      const handle = await fsp.open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fsp.rm(lockFile, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = await readLockHolder(lockFile);
    if (holder.stale) {
      await fsp.rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${lockFile} (held by pid ${holder.pid})`);
    }
    if (!announced) {
      log(`Another process (pid ${holder.pid}) is ${activity}, waiting for it...`);
      announced = true;
    }
    await sleep(500);
  }
}

async function readLockHolder(lockFile) {
  try {
    const [content, stats] = await Promise.all([fsp.readFile(lockFile, 'utf8'), fsp.stat(lockFile)]);
    const pid = Number.parseInt(content, 10);
    // An empty lock file is one being written right now, unless it is old.
    if (Number.isNaN(pid)) return { pid: 'unknown', stale: Date.now() - stats.mtimeMs > 10_000 };
    return { pid, stale: !isAlive(pid) };
  } catch (error) {
    if (error.code === 'ENOENT') return { pid: 'none', stale: false };
    throw error;
  }
}

// Every instance runs from the same jars, so two instances starting at once must not both resolve them.
async function resolveJars(log) {
  const kafkaVersion = readKafkaVersionFromPom();
  const resolved = () => readTextOrNull(sharedFiles.libsMarker)?.trim() === kafkaVersion;
  if (resolved()) return;

  const releaseLock = await acquireLock(sharedFiles.libsLockFile, 'resolving the Kafka jars', log);
  try {
    if (resolved()) return;
    log(`Resolving Kafka ${kafkaVersion} jars with Maven (the first time takes a few minutes)...`);
    await fsp.rm(sharedFiles.libsDir, { recursive: true, force: true });
    await runCommand(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        sharedFiles.pom,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${sharedFiles.libsDir}`,
      ],
      kafkaHome,
    );
    await fsp.writeFile(sharedFiles.libsMarker, `${kafkaVersion}\n`);
  } finally {
    await releaseLock();
  }
}

function readKafkaVersionFromPom() {
  const match = fs.readFileSync(sharedFiles.pom, 'utf8').match(/<kafka\.version>([^<]+)<\/kafka\.version>/);
  if (!match) throw new Error(`No <kafka.version> in ${sharedFiles.pom}`);
  return match[1].trim();
}

async function writeServerProperties(files, { port, controllerPort }) {
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

async function formatStorageOnce(files, log) {
  if (fs.existsSync(files.metaProperties)) return;

  await fsp.mkdir(files.dataDir, { recursive: true });
  let clusterId = readTextOrNull(files.clusterId)?.trim();
  if (!clusterId) {
    clusterId = (await runKafkaTool(['random-uuid'], files.home)).trim();
    await fsp.writeFile(files.clusterId, `${clusterId}\n`);
  }
  log(`Formatting Kafka storage in ${files.logDir} (cluster id ${clusterId})...`);
  await runKafkaTool(['format', '-t', clusterId, '-c', files.serverProperties], files.home);
}

function runKafkaTool(args, cwd) {
  return runCommand(javaBinary(), [...javaBaseArgs(), 'kafka.tools.StorageTool', ...args], cwd);
}

function startBroker(files, instance, log) {
  if (fs.existsSync(files.brokerLog)) fs.renameSync(files.brokerLog, files.previousBrokerLog);
  const output = fs.openSync(files.brokerLog, 'a');
  const child = spawn(
    javaBinary(),
    [...JVM_OPTIONS, ...javaBaseArgs(), 'kafka.Kafka', files.serverProperties],
    { cwd: files.home, detached: true, stdio: ['ignore', output, output] },
  );
  fs.closeSync(output);
  child.once('error', (error) => (child.spawnError = error));
  child.once('exit', (code, signal) => (child.exitStatus = signal ?? `code ${code}`));
  child.unref();
  if (child.pid) fs.writeFileSync(files.pidFile, `${child.pid}\n`);
  log(`Started ${brokerName(instance)} (pid ${child.pid}), log: ${files.brokerLog}`);
  return child;
}

async function waitUntilReady(brokers, { pid, child, files, instance, log }) {
  const name = brokerName(instance);
  const startedAt = Date.now();
  let lastProgressAt = startedAt;
  while (Date.now() - startedAt < START_TIMEOUT_MS) {
    const exitReason = child?.spawnError?.message ?? child?.exitStatus ?? (isAlive(pid) ? null : 'exited');
    if (exitReason) {
      throw new Error(`${name} (pid ${pid}) failed to start (${exitReason}):\n${brokerLogTail(files)}`);
    }
    if (await answersAsInstance(instance, brokers)) {
      log(`${name} is ready on ${brokers} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
      return;
    }
    if (Date.now() - lastProgressAt >= 5_000) {
      log(`Waiting for the ${name} on ${brokers}... ${Math.round((Date.now() - startedAt) / 1000)} s`);
      lastProgressAt = Date.now();
    }
    await sleep(500);
  }
  throw new Error(
    `${name} (pid ${pid}) did not answer on ${brokers} within ${START_TIMEOUT_MS / 1000} s ` +
      `(it is left running; "${cliCommand(instance, 'stop')}" stops it). Last lines of ${files.brokerLog}:\n` +
      brokerLogTail(files),
  );
}

function brokerLogTail(files, lineCount = 40) {
  const text = readTextOrNull(files.brokerLog);
  return text ? text.trimEnd().split('\n').slice(-lineCount).join('\n') : '(broker.log is empty)';
}

function javaBinary() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function javaBaseArgs() {
  // Java expands the trailing '*' itself to every jar of the folder.
  return [`-Dlog4j.configuration=file:${sharedFiles.log4jConfig}`, '-cp', path.join(sharedFiles.libsDir, '*')];
}

async function runCommand(command, args, cwd) {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${error.stdout ?? ''}`);
  }
}

function readBrokerPid(files) {
  const pid = Number.parseInt(readTextOrNull(files.pidFile) ?? '', 10);
  return Number.isNaN(pid) ? null : pid;
}

// Guards against signalling an unrelated process that reused a stale pid, or another instance's broker.
function isBrokerProcess(pid, files) {
  if (!isAlive(pid)) return false;
  const commandLine = readTextOrNull(`/proc/${pid}/cmdline`);
  return commandLine === null || commandLine.split('\0').includes(files.serverProperties);
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

const USAGE = 'Usage: node scripts/local-kafka.mjs start|stop|kill|status|remove [--instance NAME --port N --controller-port N]';

function parseCommandLine(args) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      instance: { type: 'string', default: DEFAULT_INSTANCE },
      port: { type: 'string' },
      'controller-port': { type: 'string' },
    },
  });
  const command = positionals.length === 1 ? positionals[0] : undefined;
  return { command, instance: values.instance, port: values.port, controllerPort: values['controller-port'] };
}

async function main(args) {
  let commandLine;
  try {
    commandLine = parseCommandLine(args);
  } catch (error) {
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const { command, instance, port, controllerPort } = commandLine;
  switch (command) {
    case 'start': {
      const { brokers } = await ensureKafka({ instance, port, controllerPort });
      console.log(`KAFKA_BROKERS=${brokers}`);
      return 0;
    }
    case 'stop':
      await stopKafka({ instance });
      return 0;
    case 'kill': {
      const pid = await killKafka({ instance });
      console.error(pid ? `Killed ${brokerName(instance)} (pid ${pid}).` : `${brokerName(instance)} is not running.`);
      return 0;
    }
    case 'status': {
      const brokers =
        instance === DEFAULT_INSTANCE && process.env.KAFKA_BROKERS
          ? process.env.KAFKA_BROKERS
          : `127.0.0.1:${brokerPort(instance, port)}`;
      const running = await answersAsInstance(instance, brokers);
      console.log(`${running ? 'running' : 'stopped'} ${brokers}`);
      return running ? 0 : 1;
    }
    case 'remove':
      await removeKafkaInstance({ instance });
      console.error(`Removed ${brokerName(instance)} and its data.`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

const invokedDirectly = process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (exitCode) => process.exit(exitCode),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
