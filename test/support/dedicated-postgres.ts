import { ChildProcess, execFile, spawn } from 'node:child_process';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/lib/service-processes.cjs';
import { freePort, uniqueName } from './infra';

const execFileAsync = promisify(execFile);
const startTimeoutMs = 120_000;

interface RunningServer {
  /** The scripts/local-postgres.mjs process that runs the server. */
  script: ChildProcess;
  exited: Promise<void>;
  postmasterPid: number;
}

/**
 * An embedded Postgres server of one test's own (a named instance of scripts/local-postgres.mjs), which the
 * test may stop and start again without disturbing the server every other test shares.
 */
export class DedicatedPostgres {
  readonly url: string;
  private server?: RunningServer;

  private constructor(
    private readonly instance: string,
    private readonly port: number,
  ) {
    this.url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }

  /** Creates a new, empty server on a free port and returns once it accepts connections. */
  static async start(name: string): Promise<DedicatedPostgres> {
    const postgres = new DedicatedPostgres(uniqueName(name).toLowerCase().replace(/_/g, '-'), await freePort());
    await postgres.restart();
    return postgres;
  }

  /**
   * Stops the server as `pg_ctl stop -m immediate` does, by SIGQUIT to the postmaster: every session is cut
   * off at once and nothing is checkpointed, so the next start recovers from the write-ahead log.
   */
  async stopImmediately(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    process.kill(server.postmasterPid, 'SIGQUIT');
    await server.exited;
  }

  /** Starts the server again on the same port and data and returns once it accepts connections; does nothing while it runs. */
  async restart(): Promise<void> {
    if (this.server) return;
    const script = spawn(process.execPath, ['scripts/local-postgres.mjs', '--instance', this.instance, '--port', String(this.port)], {
      cwd: repoRoot,
      // The script stops the server when this end of its stdin closes, so a test process that dies takes it along.
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => script.once('exit', () => resolve()));
    const output: string[] = [];
    readline.createInterface({ input: script.stderr! }).on('line', (line) => output.push(line));
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<number>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`Postgres ${this.instance} did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
      readline.createInterface({ input: script.stdout! }).on('line', (line) => {
        const pid = /^POSTMASTER_PID=(\d+)$/.exec(line)?.[1];
        if (pid) resolve(Number(pid));
      });
      void exited.then(() => reject(new Error(`Postgres ${this.instance} exited before it was ready:\n${output.join('\n')}`)));
    });
    try {
      this.server = { script, exited, postmasterPid: await ready };
    } catch (error) {
      // SIGTERM, not SIGKILL: the script stops the server it may have started.
      script.kill('SIGTERM');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the server and deletes its data. */
  async remove(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.script.kill('SIGTERM');
      await server.exited;
    }
    await execFileAsync(process.execPath, ['scripts/local-postgres.mjs', '--instance', this.instance, '--remove'], { cwd: repoRoot });
  }
}
