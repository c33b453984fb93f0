import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '../support/test-app.js';
import { CHROMIUM } from './web-build.js';

/** What the browser tests share: Debian's Chromium, a listening test server, and polling assertions. */

// playwright-core has no test matchers: poll the page with vitest's expect instead.
export const POLL = { timeout: 10_000, interval: 100 };
export const textOf = (l: Locator) => expect.poll(() => l.first().innerText({ timeout: 1_000 }).catch(() => ''), POLL);
export const countOf = (l: Locator) => expect.poll(() => l.count(), POLL);
export const shown = (l: Locator) => l.first().waitFor({ state: 'visible', timeout: 10_000 });

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Starts the test app on a free local port and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}
