// Starts a real `trellis serve` for the end-to-end tests: a fresh SQLite
// database in a temporary directory, a free port on 127.0.0.1, and the
// console the server serves from `console/dist` (a debug binary reads it
// at run time; a release binary has it built in). Stops it afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`trellis serve exited with ${child.exitCode} before answering:\n${readFileSync(log, 'utf8').slice(-4000)}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`trellis serve did not answer ${url}/health within 60 s:\n${readFileSync(log, 'utf8').slice(-4000)}`);
}

/** Warns when the bundle the server will serve is older than the source. */
function warnIfStale() {
  const index = join(consoleDir, 'dist', 'index.html');
  if (!existsSync(index)) {
    throw new Error('console/dist/index.html is missing: run `npm run build` first (the server serves console/dist).');
  }
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): boolean => {
    for (const name of readdirSafe(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory() ? newer(path) : stat.mtimeMs > built) return true;
    }
    return false;
  };
  if (newer(join(consoleDir, 'src'))) {
    console.warn('[e2e] src/ changed after the last build: the tests run against console/dist; run `npm run build` to test the change.');
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export default async function globalSetup() {
  const bin = process.env.TRELLIS_BIN || join(homedir(), '.cache', 'trellis-target', 'debug', 'trellis');
  if (!existsSync(bin)) {
    throw new Error(`no Trellis server binary at ${bin}: build it (cargo build) or set TRELLIS_BIN to its path.`);
  }
  warnIfStale();

  const dir = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  const files = join(dir, 'files');
  mkdirSync(files);
  const log = join(dir, 'server.log');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const output = openSync(log, 'a');
  const child = spawn(bin, ['serve'], {
    cwd: dir,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      TRELLIS_BIND: `127.0.0.1:${port}`,
      TRELLIS_DATABASE_URL: `sqlite://${join(dir, 'trellis.db')}?mode=rwc`,
      TRELLIS_DATASOURCE_FILES_DIR: files,
      // Every test browser signs in from 127.0.0.1.
      TRELLIS_AUTH_ATTEMPTS_PER_IP: '5000',
      TRELLIS_AUTH_ATTEMPTS_PER_ACCOUNT: '10000',
    },
  });

  // Should the runner itself be stopped, the server goes with it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);

  const stop = async () => {
    process.off('exit', orphanGuard);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    // Kept with the other results, for looking into a failure.
    try {
      mkdirSync(join(consoleDir, 'test-results'), { recursive: true });
      copyFileSync(log, join(consoleDir, 'test-results', 'trellis-server.log'));
    } catch {
      // Nothing to keep.
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, log);
  } catch (err) {
    await stop();
    throw err;
  }
  // The workers start after this and inherit it (see playwright.config.ts).
  process.env.TRELLIS_E2E_BASE_URL = url;
  console.log(`[e2e] trellis serve on ${url} (database in ${dir})`);
  return stop;
}
