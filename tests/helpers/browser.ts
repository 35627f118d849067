/**
 * A real headless Chromium for the browser tests and benchmarks, driven by playwright-core.
 *
 * The binary comes from an npm package (@sparticuz/chromium ships it; nothing is downloaded at
 * run time). CHROMIUM_PATH overrides it, e.g. CHROMIUM_PATH=/usr/bin/chromium for Debian's
 * build, which has CJK fonts (better for screenshots; @sparticuz's has none).
 */
import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium } from 'playwright-core';

/** Flags that keep Chromium from calling home on a machine with no network. */
const quietFlags = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
];

export async function chromiumPath(): Promise<string> {
  return process.env.CHROMIUM_PATH || (await sparticuz.executablePath());
}

export async function launchBrowser(): Promise<Browser> {
  const fromEnv = Boolean(process.env.CHROMIUM_PATH);
  // @sparticuz's flags are made for AWS Lambda; its --single-process makes the whole browser exit
  // when a test closes its first context, so every later newContext()/newPage() fails.
  const lambdaOnly = new Set(['--single-process']);
  const args = fromEnv ? ['--no-sandbox', '--disable-gpu', ...quietFlags] : [...sparticuz.args.filter((a) => !lambdaOnly.has(a)), ...quietFlags];
  return chromium.launch({ executablePath: await chromiumPath(), args, headless: true });
}
