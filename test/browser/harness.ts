/**
 * Shared browser harness: starts the examples server on a free 127.0.0.1 port and launches Debian's
 * Chromium (never a downloaded browser). Screenshots go to test-results/screenshots, which CI keeps.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { startDev, type RunningDev } from '../../src/cli/dev';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** The examples server: the CLI's own `dev` server, on a free port, over this checkout. */
export async function startExamples(): Promise<{ server: RunningDev; origin: string }> {
  const server = await startDev({ root: process.cwd(), port: 0 });
  return { server, origin: server.url };
}

export interface BrowserSuite {
  server: RunningDev;
  origin: string;
  browser: Browser;
  /** Closes the browser and the server. */
  stop(): Promise<void>;
}

/** What every browser suite starts with: the built bundle, the examples server and one browser. */
export async function startBrowserSuite(): Promise<BrowserSuite> {
  if (!existsSync(join(process.cwd(), 'dist', 'wix-hive-shim.min.js'))) {
    throw new Error('dist/wix-hive-shim.min.js is missing: run `npx rollup -c --silent` first');
  }
  const { server, origin } = await startExamples();
  const browser = await launchBrowser();
  return {
    server,
    origin,
    browser,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Runs `run` in a fresh context of `browser` (IndexedDB in memory), closed afterwards even when it fails. */
export async function withContext<T>(browser: Browser, options: BrowserContextOptions, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/** A browser whose contexts keep IndexedDB in memory. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * A context with an on-disk profile, so IndexedDB survives reloads; `dispose` closes it and deletes
 * the profile. Pass the `dir` of an earlier context (closed, or its browser killed) to reopen that
 * profile, as a user restarting the browser would.
 */
export async function launchPersistent(dir = mkdtempSync(join(tmpdir(), 'wix-hive-shim-profile-'))): Promise<{ context: BrowserContext; dir: string; dispose: () => Promise<void> }> {
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    context,
    dir,
    dispose: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
