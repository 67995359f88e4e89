import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENGINES, textContent, useEngine, waitForUrl, type EngineBrowser, type EnginePage } from './support/engines/index.js';
import { startEventLog, type DeliveredEvent } from './support/event-log.js';
import { startFixtureServer } from './support/fixture-server.js';
import { COOKIE_NAME } from './support/journeys.js';
import { startStack, type Stack } from './support/stack.js';

/**
A call made as the page is left reaches the API once, in Chromium, Firefox ESR and WebKitGTK: a click handler that
tracks, changes the identity and sets `location.href` at once, on first visits. The page logic is in the fixture
files (leave-shop.js, leave-spa.js); the events are counted where they arrive, at a proxy in front of the mock.
*/

/** First visits per page and engine; LEAVE_PAGE_VISITS=2 shortens a local run (CI runs 8). */
const FIRST_VISITS = Number(process.env.LEAVE_PAGE_VISITS) || 8;
/**
A slow network, as a real shopper has: the companion file and the events' CORS preflight take this long, so the next
page (on loopback, a few ms away) commits while they are in flight. The figures decide which path delivers an event,
never whether a test passes.
*/
const SLOW_MS = 400;
const OUTBOX = 'voucherify_outbox';
/** The fixtures call `setIdentity('leaver@shop.example')` right after `track()`: the next page's id is its hash. */
const IDENTITY_HASH = createHash('sha256').update('leaver@shop.example').digest('hex');

let stack: Stack;
let eventLog: Awaited<ReturnType<typeof startEventLog>>;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let runs = 0;

beforeAll(async () => {
	stack = await startStack({ allowedOrigins: ['*'] });
	eventLog = await startEventLog(stack.apiUrl, { preflightDelayMs: SLOW_MS });
	fixtures = await startFixtureServer(eventLog.url, { delays: { '/voucherify-calls.min.js': SLOW_MS } });
});

afterAll(async () => {
	await fixtures?.close();
	await eventLog?.close();
	await stack?.close();
});

const eventsOf = (run: string): DeliveredEvent[] => eventLog.events.filter((event) => event.metadata.run === run);
const outboxIn = (page: EnginePage) => page.evaluate((key) => sessionStorage.getItem(key), OUTBOX);

/** A first visit: a fresh profile, the page loaded, the visitor's tracking id once its first validate answered. */
async function firstVisit(browser: EngineBrowser, url: string, preloaded: boolean) {
	const run = `run-${++runs}`;
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${url}?run=${run}`);
	await page.waitForFunction(() => document.getElementById('visitor')?.textContent !== 'waiting');
	// Preloaded means preloaded: the file has arrived before the click.
	if (preloaded) await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/voucherify-calls.min.js') && (entry as PerformanceResourceTiming).responseEnd > 0));
	const trackingId = (await textContent(page, '#visitor')) ?? '';
	expect(trackingId).toMatch(/^track_/);
	return { page, trackingId, run, close: () => context.close() };
}

/**
Waits until the tab has nothing left to send: the page shown has loaded, holds nothing in the outbox, and no events
request is at the proxy. This only tells the test when to count; a late duplicate is still caught by the count at the
end of the test.
*/
async function settled(page: EnginePage) {
	await page.waitForFunction((key) => document.readyState === 'complete' && sessionStorage.getItem(key) === null, OUTBOX);
	await expect.poll(() => eventLog.inFlight(), { timeout: 15_000, interval: 50 }).toBe(0);
}

/** Opens one more page of the shop in the tab: a call left over anywhere would be sent by it. */
async function oneMorePage(page: EnginePage, path: string) {
	await page.goto(new URL(path, await page.url()).href);
	expect(await outboxIn(page)).toBeNull();
	await settled(page);
}

const PAGES = [
	{ name: 'script tag, voucherify-calls.min.js not loaded yet', url: () => `http://shop.test:${fixtures.port}/leave-shop.html`, next: '/leave-next.html', preloaded: false },
	{ name: 'script tag, voucherify-calls.min.js preloaded', url: () => `http://shop.test:${fixtures.port}/leave-shop-preloaded.html`, next: '/leave-next.html', preloaded: true },
	{ name: 'SPA on the npm build (createClient)', url: () => `http://localhost:${fixtures.port}/leave-spa.html`, next: '/leave-spa-next.html', preloaded: false },
];

const tally = (paths: string[]) => Object.fromEntries([...new Set(paths)].map((path) => [path, paths.filter((other) => other === path).length]));

describe.each(ENGINES)('%s: calls made as the page is left', (engine) => {
	const engineRun = useEngine(engine, 'leave-page');
	const visitsTimeout = FIRST_VISITS * (engine === 'webkit' ? 25_000 : 10_000) + 30_000;

	describe.each(PAGES)('$name', ({ url, next, preloaded }) => {
		test(`a click that tracks and leaves at once: the event arrives exactly once, with the id in force when tracked (${FIRST_VISITS} first visits)`, { timeout: visitsTimeout }, async () => {
			const started = performance.now();
			const visits: Array<{ run: string; trackingId: string }> = [];
			const sentBy: string[] = [];
			let keepalive: unknown;
			for (let visit = 0; visit < FIRST_VISITS; visit++) {
				const { page, trackingId, run, close } = await firstVisit(engineRun.browser(), url(), preloaded);
				visits.push({ run, trackingId });
				keepalive ??= await page.evaluate(() => new Request(location.href, { keepalive: true }).keepalive);
				await page.click('#leave');
				await waitForUrl(page, (at) => at.pathname === next && at.searchParams.get('run') === run);
				// Which document sent the event: the page it was tracked on (its request had started) or the next one (the outbox).
				await page.waitForFunction(() => '__outboxOnArrival' in window);
				const left = await page.evaluate(() => (window as unknown as { __outboxOnArrival: string | null }).__outboxOnArrival);
				sentBy.push(left?.includes(`"${run}"`) ? 'the next page (outbox)' : 'the page left (its request had started)');
				await expect.poll(() => eventsOf(run).length, { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
				await settled(page);
				// setIdentity() ran after track(): the next page is the identified visitor, the event is not.
				const cookie = (await page.cookies()).find((entry) => entry.name === COOKIE_NAME);
				expect(cookie?.value).toBe(IDENTITY_HASH);
				await oneMorePage(page, next);

				expect(eventsOf(run).map(({ event, sourceId, status }) => ({ event, sourceId, status }))).toEqual([{ event: 'checkout_started', sourceId: trackingId, status: 200 }]);
				await close();
			}
			// A duplicate that came late, after its visit was counted, is counted here.
			for (const { run, trackingId } of visits) expect(eventsOf(run).map(({ sourceId }) => sourceId)).toEqual([trackingId]);
			console.log(`[leave-page] ${engineRun.browser().version} ${url()}: ${FIRST_VISITS}/${FIRST_VISITS} arrived once; sent by ${JSON.stringify(tally(sentBy))}; Request.keepalive ${String(keepalive)}; ${Math.round(performance.now() - started)} ms`);
		});

		test(`the control, a click that tracks and stays: the event arrives exactly once (${FIRST_VISITS} first visits)`, { timeout: visitsTimeout }, async () => {
			const started = performance.now();
			const visits: Array<{ run: string; trackingId: string }> = [];
			for (let visit = 0; visit < FIRST_VISITS; visit++) {
				const { page, trackingId, run, close } = await firstVisit(engineRun.browser(), url(), preloaded);
				visits.push({ run, trackingId });
				await page.click('#stay');
				await page.waitForFunction(() => document.getElementById('result')?.textContent !== '');
				expect(await textContent(page, '#result')).toBe('tracked');
				await oneMorePage(page, next);

				expect(eventsOf(run).map(({ event, sourceId }) => ({ event, sourceId }))).toEqual([{ event: 'wishlist_added', sourceId: trackingId }]);
				await close();
			}
			for (const { run, trackingId } of visits) expect(eventsOf(run).map(({ sourceId }) => sourceId)).toEqual([trackingId]);
			console.log(`[leave-page] ${engineRun.browser().version} ${url()} control: ${FIRST_VISITS}/${FIRST_VISITS} arrived once; ${Math.round(performance.now() - started)} ms`);
		});
	});
});
