/** Ten different codes: a GET whose URL changes each time, so the preflight cache (keyed by URL) never helps. */
const CODES = ['WELCOME10', 'BIGSALE20', 'SAVE5', 'FREEITEM', 'GIFT50', 'EXPIRED', 'NOTYET', 'DISABLED', 'LASTONE', 'NO-SUCH-CODE'];
const CALLS = CODES.length;

const argumentFor = {
	validate: (index) => CODES[index],
	// One URL every time: after the first, Chromium serves the preflight from its cache (the mock sends Access-Control-Max-Age).
	validateStackable: (index) => ({ redeemables: [{ object: 'voucher', id: CODES[index] }], order: { amount: 4900 } }),
};

/**
Requests that reach the API (CORS preflights included, counted by the logging proxy) for each of ten calls of a
method, in a fresh browser context per method.
*/
export async function countRequests(browser, { pageUrl, apiUrl, keys, requests }) {
	const result = {};
	for (const method of Object.keys(argumentFor)) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${pageUrl}/bench.html`);
			await page.evaluate((options) => window.bench.createClients(options), { apiUrl, ...keys });
			const perCall = [];
			for (let index = 0; index < CALLS; index += 1) {
				const before = requests.length;
				await page.evaluate(([name, argument]) => window.bench.call('ours', name, argument), [method, argumentFor[method](index)]);
				perCall.push(requests.slice(before).filter((request) => request.path.startsWith('/client/v1/')).length);
			}
			result[method] = { first: perCall[0], tenth: perCall[CALLS - 1], perCall };
		} finally {
			await context.close();
		}
	}
	return result;
}
