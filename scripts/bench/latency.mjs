import { median, round, summarize } from './stats.mjs';

/** Every call validates this one code, so the SDKs and fetch all hit the same URL (and the cached preflight). */
export const LATENCY_CODE = 'WELCOME10';

/** Headers a script sets; the rest (Origin, User-Agent, sec-*) the browser adds to every variant alike. */
const isScriptHeader = (name) => name.startsWith('x-') || name === 'accept' || name === 'content-type';

/** Makes one SDK call and returns the URL, method, script-set headers and body it sent, for fetch to send exactly the same. */
async function captureRequest(page, sdk) {
	const captured = new Promise((resolve) => {
		const listener = async (request) => {
			if (!request.url().includes('/client/v1/validat') || request.method() === 'OPTIONS') return;
			page.off('request', listener);
			const headers = Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => isScriptHeader(name)));
			resolve({ url: request.url(), method: request.method(), headers, body: request.postData() ?? undefined });
		};
		page.on('request', listener);
	});
	await page.evaluate(([name, code]) => window.bench.call(name, 'validate', code), [sdk, LATENCY_CODE]);
	return captured;
}

/**
`calls` validate calls through an SDK alternated with `calls` plain fetch and `calls` plain XHR calls to the same URL
with the same headers and body, in one page, after warm-up. Returns median and p95 of each, the ratio SDK/fetch and
the SDK's paired overhead over each transport.
*/
export async function measureLatency(browser, { pageUrl, apiUrl, keys, warmup, calls }) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${pageUrl}/bench.html`);
		await page.evaluate((options) => window.bench.createClients(options), { apiUrl, ...keys });

		const result = {};
		for (const sdk of ['ours', 'official']) {
			// Our first call stores the tracking id the API issues and sends it from then on: capture a later call.
			await page.evaluate(([name, code]) => window.bench.call(name, 'validate', code), [sdk, LATENCY_CODE]);
			const request = await captureRequest(page, sdk);
			const times = await page.evaluate((options) => window.bench.alternate(options), {
				sdk,
				code: LATENCY_CODE,
				fetchUrl: request.url,
				fetchInit: { method: request.method, headers: request.headers, body: request.body },
				warmup,
				calls,
			});
			const sdkStats = summarize(times.sdk);
			const fetchStats = summarize(times.fetch);
			// Each SDK call next to its partners of the same round: the difference cancels the drift they share.
			const pairedMs = (baseline) => round(median(times.sdk.map((time, index) => time - baseline[index])), 3);
			result[sdk] = {
				url: `${request.method} ${new URL(request.url).pathname}${new URL(request.url).search.replace(/tracking_id=[^&]+/, 'tracking_id=…')}`,
				headers: Object.keys(request.headers).sort(),
				sdk: sdkStats,
				fetch: fetchStats,
				xhr: summarize(times.xhr),
				ratio: { median: round(sdkStats.median / fetchStats.median, 3), p95: round(sdkStats.p95 / fetchStats.p95, 3) },
				overheadMs: pairedMs(times.fetch),
				overXhrMs: pairedMs(times.xhr),
				// The same request by XHR and by fetch: how much the transport alone differs.
				xhrMinusFetchMs: round(median(times.xhr.map((time, index) => time - times.fetch[index])), 3),
			};
		}
		const crossOriginIsolated = await page.evaluate(() => window.crossOriginIsolated);
		return { code: LATENCY_CODE, warmup, calls, crossOriginIsolated, ...result };
	} finally {
		await context.close();
	}
}

/** Ten codes, so every check is a new code and cart amount, as a shopper trying codes makes them. */
const CHECK_CODES = ['WELCOME10', 'BIGSALE20', 'SAVE5', 'FREEITEM', 'GIFT50', 'EXPIRED', 'NOTYET', 'DISABLED', 'LASTONE', 'NO-SUCH-CODE'];

/**
Repeated checks through a proxy that delays every request (preflights included) by `delayMs`: `calls` validations
with another code and amount each, through each SDK in turn, in one fresh page. Returns the median of each and the
ratio ours / official.
*/
export async function measureRepeatedChecks(browser, { pageUrl, apiUrl, keys, delayMs, calls }) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${pageUrl}/bench.html`);
		await page.evaluate((options) => window.bench.createClients(options), { apiUrl, ...keys });
		const times = await page.evaluate((options) => window.bench.repeatedChecks(options), { codes: CHECK_CODES, calls });
		// The first call of each pays the preflight the page has not cached yet: the figures are of the calls after it.
		const ours = summarize(times.ours.slice(1));
		const official = summarize(times.official.slice(1));
		return { delayMs, calls, first: { ours: round(times.ours[0], 1), official: round(times.official[0], 1) }, ours, official, ratio: round(ours.median / official.median, 3) };
	} finally {
		await context.close();
	}
}

/**
Each SDK's own work per validate call, in a fresh page with its transport stubbed (window.bench.sdkWork): the stub
answers with the body the mock gave that SDK's request. Microseconds, the median of five loops less the median of
five loops of the bare stub.
*/
export async function measureSdkWork(browser, { pageUrl, apiUrl, keys, warmup, calls }) {
	const result = { warmup, calls };
	for (const sdk of ['ours', 'official']) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${pageUrl}/bench.html`);
			await page.evaluate((options) => window.bench.createClients(options), { apiUrl, ...keys });
			await page.evaluate(([name, code]) => window.bench.call(name, 'validate', code), [sdk, LATENCY_CODE]);
			const request = await captureRequest(page, sdk);
			const answer = await (await fetch(request.url, { method: request.method, headers: request.headers, body: request.body })).text();
			const runs = await page.evaluate((options) => window.bench.sdkWork(options), { sdk, code: LATENCY_CODE, answer, warmup, calls });
			result[sdk] = { perCallUs: round(median(runs.sdk) - median(runs.bare), 1), sdkUs: round(median(runs.sdk), 1), bareUs: round(median(runs.bare), 1) };
		} finally {
			await context.close();
		}
	}
	result.ratio = round(result.ours.perCallUs / result.official.perCallUs, 3);
	return result;
}
