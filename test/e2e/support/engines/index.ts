import { appendFileSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { launchChromiumEngine } from './chromium.js';
import type { EngineBrowser, EngineName } from './driver.js';
import { launchFirefoxEngine } from './firefox.js';
import { startHostProxy, type HostProxy } from './host-proxy.js';
import { launchWebKitEngine } from './webkit.js';

export type { EngineBrowser, EngineContext, EngineCookie, EngineName, EnginePage } from './driver.js';
export { textContent, waitForUrl } from './driver.js';

const LAUNCHERS: Record<EngineName, (proxyPort: number) => Promise<EngineBrowser>> = {
	chromium: launchChromiumEngine,
	firefox: launchFirefoxEngine,
	webkit: launchWebKitEngine,
};

/** Every engine, in the order the suites run them; E2E_ENGINES=firefox,webkit narrows a local run (CI runs all). */
export const ENGINES: EngineName[] = (process.env.E2E_ENGINES?.split(',') ?? Object.keys(LAUNCHERS)).map((name) => {
	if (!(name in LAUNCHERS)) throw new TypeError(`E2E_ENGINES: unknown engine "${name}" (expected ${Object.keys(LAUNCHERS).join(', ')})`);
	return name as EngineName;
});

export const TIMINGS_FILE = 'test-results/engine-timings.jsonl';

/**
Launches `name` for the enclosing describe block behind a host proxy that keeps it on loopback, and closes it after.
An engine that cannot start fails the block's tests; it is never skipped. The block's wall time, launch included,
goes to test-results/engine-timings.jsonl.
*/
export function useEngine(name: EngineName, suite: string): { browser(): EngineBrowser; proxy(): HostProxy } {
	let browser: EngineBrowser | undefined;
	let proxy: HostProxy | undefined;
	let started = 0;
	beforeAll(async () => {
		started = performance.now();
		proxy = await startHostProxy();
		browser = await LAUNCHERS[name](proxy.port);
	});
	afterAll(async () => {
		await browser?.close();
		await proxy?.close();
		mkdirSync('test-results', { recursive: true });
		appendFileSync(TIMINGS_FILE, `${JSON.stringify({ engine: name, version: browser?.version, suite, ms: Math.round(performance.now() - started) })}\n`);
	});
	return {
		browser: () => {
			if (!browser) throw new Error(`${name} did not start`);
			return browser;
		},
		proxy: () => proxy!,
	};
}
