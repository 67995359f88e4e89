import { round, summarize } from './stats.mjs';

/**
Evaluates a bundle's text and creates one client, synchronously, timed in the page. The script text reaches the page
as an argument, so no network is timed; a unique trailing comment defeats V8's in-memory compile cache.
*/
function evaluateAndCreate({ text, kind, options }) {
	const script = document.createElement('script');
	script.textContent = text;
	const start = performance.now();
	document.head.append(script);
	const client =
		kind === 'ours'
			? window.Voucherify.createClient({ apiUrl: options.apiUrl, clientApplicationId: options.clientApplicationId, clientToken: options.clientToken })
			: window.VoucherifyClientSide({ apiUrl: options.apiUrl, clientApplicationId: options.clientApplicationId, clientSecretKey: options.clientToken, origin: location.origin });
	const elapsed = performance.now() - start;
	if (!client) throw new Error(`${kind}: no client`);
	return elapsed;
}

/** Start-up of our script tag vs the official bundle, each in a fresh context and page, alternating. */
export async function measureStartup(browser, { pageUrl, apiUrl, keys, texts, repetitions }) {
	const times = { ours: [], official: [] };
	for (let index = 0; index < repetitions; index += 1) {
		const order = index % 2 === 0 ? ['ours', 'official'] : ['official', 'ours'];
		for (const kind of order) {
			const context = await browser.newContext();
			try {
				const page = await context.newPage();
				await page.goto(`${pageUrl}/blank.html`);
				const text = `${texts[kind]}\n// bench run ${index} ${kind} ${Math.random()}`;
				times[kind].push(await page.evaluate(evaluateAndCreate, { text, kind, options: { apiUrl, ...keys } }));
			} finally {
				await context.close();
			}
		}
	}
	const ours = summarize(times.ours);
	const official = summarize(times.official);
	return { repetitions, ours, official, ratio: round(ours.median / official.median, 3) };
}
