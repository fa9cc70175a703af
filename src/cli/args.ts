/** The command line: `wix-hive-shim [dev|serve] [--flag value | --flag=value]…`, checked before anything starts. */
import { UsageError } from './errors';

export const USAGE = `Usage:
  wix-hive-shim dev   [--port P] [--widget PATH]     the dashboard, the examples and your widget (default port 5178)
  wix-hive-shim serve [--port P] [--data FILE] [--secret S] [--app-id A] [--webhook URL]
                                                    the WixHive HTTP API on 127.0.0.1 (default port 5179)
  wix-hive-shim --help | --version`;

export type Parsed =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'dev'; port: number; widget?: string }
  | { command: 'serve'; port: number; data?: string; secret?: string; appId?: string; webhook?: string };

const FLAGS = {
  dev: ['port', 'widget'],
  serve: ['port', 'data', 'secret', 'app-id', 'webhook'],
} as const;

function port(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`Invalid --port ${JSON.stringify(value)}: pass a number from 0 to 65535 (0 picks a free port)`);
  return Number(value);
}

function webhookUrl(value: string): string {
  let url: URL | undefined;
  try { url = new URL(value); } catch { /* below */ }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UsageError(`Invalid --webhook ${JSON.stringify(value)}: pass an http:// or https:// URL`);
  return value;
}

export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): Parsed {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') return { command: 'help' };
  if (args.includes('--version') || args.includes('-v')) return { command: 'version' };
  // Bare `wix-hive-shim` (and `npx wix-hive-shim`) opens the demo: what a new user expects.
  const command = args[0] === undefined || args[0].startsWith('--') ? 'dev' : args.shift()!;
  if (command !== 'dev' && command !== 'serve') throw new UsageError(`Unknown command ${JSON.stringify(command)}: use dev or serve (wix-hive-shim --help)`);

  const allowed: readonly string[] = FLAGS[command];
  const values: Record<string, string> = {};
  while (args.length) {
    const arg = args.shift()!;
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`Unexpected argument ${JSON.stringify(arg)}: ${command} takes only ${allowed.map((f) => `--${f}`).join(', ')}`);
    const name = m[1]!;
    if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name} for ${command}: use ${allowed.map((f) => `--${f}`).join(', ')}`);
    if (name in values) throw new UsageError(`--${name} is given twice: pass it once`);
    const value = m[2] ?? args.shift();
    if (value === undefined || (m[2] === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value: --${name} <value>`);
    if (value === '' && name !== 'port') throw new UsageError(`--${name} is empty: pass a value`);
    values[name] = value;
  }

  if (command === 'dev') {
    const out: Parsed = { command, port: port(values.port ?? env.PORT ?? '5178') };
    if (values.widget !== undefined) out.widget = values.widget;
    return out;
  }
  const out: Parsed = { command, port: port(values.port ?? '5179') };
  if (values.data !== undefined) out.data = values.data;
  if (values.secret !== undefined) out.secret = values.secret;
  if (values['app-id'] !== undefined) out.appId = values['app-id'];
  if (values.webhook !== undefined) out.webhook = webhookUrl(values.webhook);
  return out;
}
