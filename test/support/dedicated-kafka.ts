import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/lib/service-processes.cjs';
import { freePort, uniqueName } from './infra';

const execFileAsync = promisify(execFile);

/**
 * A Kafka broker of one test's own (an instance of scripts/local-kafka.mjs), which the test may kill and
 * restart without disturbing the broker every other test shares.
 */
export class DedicatedKafka {
  readonly brokers: string[];

  private constructor(
    private readonly instance: string,
    private readonly port: number,
    private readonly controllerPort: number,
  ) {
    this.brokers = [`127.0.0.1:${port}`];
  }

  /** Starts a new, empty broker on two free ports and returns once it answers. */
  static async start(name: string): Promise<DedicatedKafka> {
    const instance = uniqueName(name).toLowerCase().replace(/_/g, '-');
    const port = await freePort();
    let controllerPort = await freePort();
    while (controllerPort === port) controllerPort = await freePort();
    const kafka = new DedicatedKafka(instance, port, controllerPort);
    await kafka.restart();
    return kafka;
  }

  /** Ends the broker with SIGKILL, as a crash would: nothing is flushed or handed over. */
  async kill(): Promise<void> {
    await this.runScript('kill');
  }

  /** Starts the broker again on the same ports and data and returns once it answers; does nothing while it runs. */
  async restart(): Promise<void> {
    await this.runScript('start', '--port', String(this.port), '--controller-port', String(this.controllerPort));
  }

  /** Ends the broker and deletes its data. */
  async remove(): Promise<void> {
    await this.runScript('remove');
  }

  private async runScript(command: string, ...options: string[]): Promise<void> {
    await execFileAsync(process.execPath, ['scripts/local-kafka.mjs', command, '--instance', this.instance, ...options], {
      cwd: repoRoot,
    });
  }
}
