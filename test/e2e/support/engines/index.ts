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

/** A launch that fails or hangs (a driver that never answers New Session, a browser that never starts) is tried again. */
const LAUNCH_ATTEMPTS = 3;
const LAUNCH_ATTEMPT_TIMEOUT_MS = 100_000;

/**
A hook that fails skips every test of its block, and vitest's `retry` does not repeat hooks: the launch repeats
itself, and says on stderr what went wrong each time, so a flaky start is retried and a broken one is reported.
*/
async function launchWithRetries(name: EngineName, proxyPort: number): Promise<EngineBrowser> {
	const failures: string[] = [];
	for (let attempt = 1; attempt <= LAUNCH_ATTEMPTS; attempt += 1) {
		const launch = LAUNCHERS[name](proxyPort);
		let timer: NodeJS.Timeout | undefined;
		const hung = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no browser after ${LAUNCH_ATTEMPT_TIMEOUT_MS / 1000} s`)), LAUNCH_ATTEMPT_TIMEOUT_MS);
		});
		try {
			return await Promise.race([launch, hung]);
		} catch (error) {
			// A launch given up on that starts after all is closed, so no browser outlives the suite.
			void launch.then((late) => late.close()).catch(() => undefined);
			failures.push(`attempt ${attempt}: ${error instanceof Error ? error.message : String(error)}`);
			console.error(`[e2e] ${name} did not launch (${failures.at(-1)})${attempt < LAUNCH_ATTEMPTS ? '; trying again' : ''}`);
		} finally {
			clearTimeout(timer);
		}
	}
	throw new Error(`${name} did not launch in ${LAUNCH_ATTEMPTS} attempts: ${failures.join('; ')}`);
}

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
		browser = await launchWithRetries(name, proxy.port);
	}, LAUNCH_ATTEMPTS * LAUNCH_ATTEMPT_TIMEOUT_MS + 10_000);
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
