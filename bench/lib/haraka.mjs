// Haraka (npm `haraka`, installed in bench/node_modules) configured to accept and discard every message:
// one process (nodes=0), only the bench_discard plugin, warnings-only logging.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchDir, workDir } from './paths.mjs';
import { waitForPort } from './ports.mjs';

const harakaBin = path.join(benchDir, 'node_modules', 'haraka', 'bin', 'haraka');

export async function startHaraka(port) {
  const home = path.join(workDir, 'haraka');
  rmSync(home, { recursive: true, force: true });
  execFileSync(process.execPath, [harakaBin, '-i', home], { stdio: 'ignore' });
  mkdirSync(path.join(home, 'plugins'), { recursive: true });
  copyFileSync(path.join(benchDir, 'haraka', 'plugins', 'bench_discard.js'), path.join(home, 'plugins', 'bench_discard.js'));
  writeFileSync(path.join(home, 'config', 'plugins'), 'bench_discard\n');
  writeFileSync(path.join(home, 'config', 'smtp.ini'), `listen=127.0.0.1:${port}\nnodes=0\n`);
  writeFileSync(path.join(home, 'config', 'log.ini'), '[main]\nlevel=warn\n');
  const child = spawn(process.execPath, [harakaBin, '-c', home], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await waitForPort(port, { exited });
  return { port, pid: child.pid, stop: () => child.kill('SIGKILL') };
}
