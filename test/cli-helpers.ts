/** Runs the built CLI (`dist/cli.js`, from `npm run build`) as a child process, as a user would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface RunningCli {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT`, read from the start-up line. */
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stop(): Promise<number | string>;
}

/** Everything the CLI printed and its exit code, for runs that end by themselves (errors). */
export function runCli(args: string[], options: { cwd?: string } = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code, signal) => resolve({ code: code ?? String(signal), stdout, stderr }));
  });
}

/** Starts a long-running command and waits for the line that names its URL. */
export function startCli(args: string[], options: { cwd?: string; command?: string[] } = {}): Promise<RunningCli> {
  if (!options.command && !existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  const [exe, ...pre] = options.command ?? [process.execPath, CLI];
  // Its own process group: `npx` runs the CLI as a grandchild, which must stop with it.
  const child = spawn(exe!, [...pre, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((ok) => child.on('exit', (code, signal) => ok(code ?? String(signal))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI did not start in 60 s:\n${stdout}\n${stderr}`)), 60_000);
    child.stdout!.on('data', (d) => {
      stdout += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1]!,
          stdout: () => stdout,
          stderr: () => stderr,
          exited,
          stop: () => {
            if (child.exitCode === null && child.signalCode === null) {
              try { process.kill(-child.pid!, 'SIGTERM'); } catch { child.kill('SIGTERM'); }
            }
            return exited;
          },
        });
      }
    });
    child.stderr!.on('data', (d) => (stderr += d));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before it started:\n${stdout}\n${stderr}`));
    });
  });
}
