import type { ChildProcess } from 'node:child_process';

export type ServiceName = 'email-ingest' | 'identity' | 'tickets' | 'chat';

export interface RunningService {
  service: ServiceName;
  child: ChildProcess;
  exited: Promise<number | string | null>;
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string | null>;
}

export const services: ServiceName[];
export const repoRoot: string;
export function entryPointOf(service: ServiceName): string;
export function startService(
  service: ServiceName,
  options: { env: NodeJS.ProcessEnv; onLine?: (line: string) => void; nodeFlags?: string[] },
): RunningService;
export function waitUntilHealthy(running: RunningService, httpPort: number, timeoutMs?: number): Promise<void>;
