/** Ten different codes, each with another cart amount: a shopper trying codes as the cart changes. */
const CODES = ['WELCOME10', 'BIGSALE20', 'SAVE5', 'FREEITEM', 'GIFT50', 'EXPIRED', 'NOTYET', 'DISABLED', 'LASTONE', 'NO-SUCH-CODE'];
const CALLS = CODES.length;
const amount = (index) => 1_000 + index * 137;

/**
Each row: the SDK, the method and its argument for the index-th call. Our `validate` with a code POSTs to the one URL
`/client/v1/validations`, so after the first call Chromium serves its preflight from the cache (the mock sends
Access-Control-Max-Age); without a code it is the promotions validation, a GET whose URL changes with the cart; the
official SDK's validate is a GET with the code in its URL.
*/
const ROWS = {
	validate: ['ours', 'validate', (index) => ({ code: CODES[index], amount: amount(index) })],
	validatePromotions: ['ours', 'validate', (index) => ({ amount: amount(index) })],
	validateStackable: ['ours', 'validateStackable', (index) => ({ redeemables: [{ object: 'voucher', id: CODES[index] }], order: { amount: amount(index) } })],
	officialValidate: ['official', 'validate', (index) => ({ code: CODES[index], amount: amount(index) })],
};

/**
Requests that reach the API (CORS preflights included, counted by the logging proxy) for each of ten calls of a
method, in a fresh browser context per method.
*/
export async function countRequests(browser, { pageUrl, apiUrl, keys, requests }) {
	const result = {};
	for (const [row, [sdk, method, argumentFor]] of Object.entries(ROWS)) {
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${pageUrl}/bench.html`);
			await page.evaluate((options) => window.bench.createClients(options), { apiUrl, ...keys });
			const perCall = [];
			for (let index = 0; index < CALLS; index += 1) {
				const before = requests.length;
				// An invalid code may reject (the official SDK's 4xx): the requests it cost are what is counted.
				await page.evaluate(([sdk, name, argument]) => window.bench.call(sdk, name, argument).catch(() => undefined), [sdk, method, argumentFor(index)]);
				perCall.push(requests.slice(before).filter((request) => request.path.startsWith('/client/v1/')).length);
			}
			result[row] = { first: perCall[0], tenth: perCall[CALLS - 1], total: perCall.reduce((sum, count) => sum + count, 0), perCall };
		} finally {
			await context.close();
		}
	}
	return result;
}
