/**
 * The `wix-hive-shim` executable (rollup adds the `#!/usr/bin/env node` line). Exit codes: 0 after
 * Ctrl+C, 2 for a mistake in the command line or the data file (one line says what to fix), 1 for
 * anything else.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs, USAGE } from './args';
import { startDev } from './dev';
import { UsageError } from './errors';
import { startServe } from './serve';

declare const __VERSION__: string;

/** dist/cli.js → the package folder. */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

function fail(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`wix-hive-shim: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`wix-hive-shim: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), process.env);
  if (parsed.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`${__VERSION__}\n`);
    return;
  }
  let stop: () => Promise<void>;
  if (parsed.command === 'dev') {
    const dev = await startDev({ root: packageRoot, port: parsed.port, ...(parsed.widget ? { widget: parsed.widget } : {}) });
    process.stdout.write(`wix-hive-shim dev: ${dev.url}/  (dashboard ${dev.url}/dashboard/${parsed.widget ? `, your widget ${dev.url}/frame/` : ''}; Ctrl+C to stop)\n`);
    stop = dev.close;
  } else {
    const { command: _, port, ...rest } = parsed;
    const serve = await startServe({
      port,
      ...rest,
      log: (line) => process.stderr.write(`wix-hive-shim: ${line}\n`),
      onFatal: (error) => {
        process.stderr.write(`wix-hive-shim: ${error.message}. Stopping; the data file on disk holds every write that was answered\n`);
        process.exit(1);
      },
    });
    const notes = [
      parsed.data ? `data ${parsed.data}` : 'data in memory only (pass --data FILE to keep it)',
      parsed.secret ? 'signatures required' : 'no signatures (pass --secret to require them)',
      ...(parsed.webhook ? [`webhooks to ${parsed.webhook}`] : []),
    ];
    process.stdout.write(`wix-hive-shim serve: ${serve.url}/v1/  (${notes.join('; ')}; Ctrl+C to stop)\n`);
    stop = serve.close;
  }
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0), fail);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(fail);
