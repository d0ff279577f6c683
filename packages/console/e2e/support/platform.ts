/**
 * Starts the real platform for the browser tests: builds the console when its sources are newer than
 * the build, runs `fanzha start --demo` on a free port with a fresh data directory, waits for
 * /healthz, and stops it (and removes the data) afterwards. Nothing here is mocked.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../../..');
const consoleDir = join(root, 'packages/console');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

/** Builds packages/console/dist unless it is newer than every input of the build. */
export function buildConsoleIfNeeded(): void {
  const built = join(consoleDir, 'dist/index.html');
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
    join(consoleDir, p),
  );
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...inputs.map(newestMtime))) return;
  const result = spawnSync('npm', ['run', 'build', '-w', '@fanzha/console'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`console build failed (exit ${result.status})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningPlatform {
  baseURL: string;
  stop: () => Promise<void>;
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the platform exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseURL}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the platform was not healthy within ${timeoutMs / 1000}s:\n${output()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

export async function startPlatform(): Promise<RunningPlatform> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fanzha-e2e-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: '127.0.0.1',
    FANZHA_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Run the platform from its TypeScript sources, like the unit tests: a stale build in
    // packages/platform/dist must never be what the browser tests check.
    FANZHA_FROM_SOURCE: '1',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  };
  const child = spawn(process.execPath, ['packages/platform/bin/fanzha.js', 'start', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, child, () => log, 150_000);
  } catch (error) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseURL,
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
