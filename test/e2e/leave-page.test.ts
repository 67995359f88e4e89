import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchTestChromium } from './support/browser.js';
import { startEventLog, type DeliveredEvent } from './support/event-log.js';
import { startFixtureServer } from './support/fixture-server.js';
import { startStack, type Stack } from './support/stack.js';

/**
A call made as the page is left reaches the API once: a click handler that tracks, changes the identity and sets
`location.href` at once, on first visits. The page logic is in the fixture files (leave-shop.js, leave-spa.js); the
events are counted where they arrive, at a proxy in front of the mock.
*/

const FIRST_VISITS = 8;
/**
A slow network, as a real shopper has: the companion file and the events' CORS preflight take this long, so the next
page (on loopback, a few ms away) commits while they are in flight. The figures decide which path delivers an event,
never whether a test passes.
*/
const SLOW_MS = 400;
const OUTBOX = 'voucherify_outbox';

let stack: Stack;
let eventLog: Awaited<ReturnType<typeof startEventLog>>;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let browser: Browser;
let runs = 0;

beforeAll(async () => {
	stack = await startStack({ allowedOrigins: ['*'] });
	eventLog = await startEventLog(stack.apiUrl, { preflightDelayMs: SLOW_MS });
	fixtures = await startFixtureServer(eventLog.url, { delays: { '/voucherify-calls.min.js': SLOW_MS } });
	browser = await launchTestChromium();
});

afterAll(async () => {
	await browser?.close();
	await fixtures?.close();
	await eventLog?.close();
	await stack?.close();
});

const eventsOf = (run: string): DeliveredEvent[] => eventLog.events.filter((event) => event.metadata.run === run);

/** A first visit: a fresh profile, the page loaded, the visitor's tracking id once its first validate answered. */
async function firstVisit(url: string, preloaded = false): Promise<{ page: Page; trackingId: string; run: string; close(): Promise<void> }> {
	const run = `run-${++runs}`;
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${url}?run=${run}`);
	await page.waitForFunction(() => document.getElementById('visitor')?.textContent !== 'waiting');
	// Preloaded means preloaded: the file has arrived before the click.
	if (preloaded) await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/voucherify-calls.min.js') && (entry as PerformanceResourceTiming).responseEnd > 0));
	const trackingId = (await page.textContent('#visitor')) ?? '';
	expect(trackingId).toMatch(/^track_/);
	return { page, trackingId, run, close: () => context.close() };
}

/** Opens one more page of the shop in the tab: a call left over anywhere would be sent by it. */
async function oneMorePage(page: Page, path: string) {
	await page.goto(new URL(path, page.url()).href, { waitUntil: 'networkidle' });
	expect(await page.evaluate((key) => sessionStorage.getItem(key), OUTBOX)).toBeNull();
}

const PAGES = [
	{ name: 'script tag, voucherify-calls.min.js not loaded yet', url: () => `http://shop.test:${fixtures.port}/leave-shop.html`, next: '/leave-next.html', preloaded: false },
	{ name: 'script tag, voucherify-calls.min.js preloaded', url: () => `http://shop.test:${fixtures.port}/leave-shop-preloaded.html`, next: '/leave-next.html', preloaded: true },
	{ name: 'SPA on the npm build (createClient)', url: () => `http://localhost:${fixtures.port}/leave-spa.html`, next: '/leave-spa-next.html', preloaded: false },
];

describe.each(PAGES)('$name', ({ url, next, preloaded }) => {
	test(`a click that tracks and leaves at once: the event arrives exactly once, with the id in force when tracked (${FIRST_VISITS} first visits)`, async () => {
		const delivered: string[] = [];
		for (let visit = 0; visit < FIRST_VISITS; visit++) {
			const { page, trackingId, run, close } = await firstVisit(url(), preloaded);
			// Which document sent the event: the page it was tracked on (keepalive) or the next one (the outbox).
			page.on('request', (request) => {
				if (request.method() === 'POST' && request.url().includes('/client/v1/events')) delivered.push(new URL(request.frame().url()).pathname);
			});
			await Promise.all([page.waitForURL(`**${next}?run=${run}`), page.click('#leave')]);
			await expect.poll(() => eventsOf(run).length, { timeout: 15_000 }).toBeGreaterThan(0);
			await oneMorePage(page, next);

			const events = eventsOf(run);
			expect(events.map(({ event, sourceId, status }) => ({ event, sourceId, status }))).toEqual([
				{ event: 'checkout_started', sourceId: trackingId, status: 200 },
			]);
			await close();
		}
		console.log(`[leave-page] ${url()}: ${FIRST_VISITS}/${FIRST_VISITS} arrived once; sent from ${JSON.stringify(tally(delivered))}`);
	});

	test('the control, a click that tracks and stays: the event arrives exactly once', async () => {
		for (let visit = 0; visit < FIRST_VISITS; visit++) {
			const { page, trackingId, run, close } = await firstVisit(url(), preloaded);
			await page.click('#stay');
			await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
			expect(await page.textContent('#result')).toBe('tracked');
			await oneMorePage(page, next);

			expect(eventsOf(run).map(({ event, sourceId }) => ({ event, sourceId }))).toEqual([{ event: 'wishlist_added', sourceId: trackingId }]);
			await close();
		}
	});
});

const tally = (paths: string[]) => Object.fromEntries([...new Set(paths)].map((path) => [path, paths.filter((other) => other === path).length]));
