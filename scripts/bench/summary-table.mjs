import { ms, ratio, sizeTriple, targetValue, textTable } from './format.mjs';
import { mockTable } from './mock-figures.mjs';

function mockRows(mock) {
	const figures = mockTable(mock);
	if (!figures) return [['mock', 'throughput', '—', mock?.note ?? 'not measured']];
	const [, , ...restHeader] = figures.header;
	const rows = figures.rows.map(([label, value, ...rest]) => [
		'mock',
		label.replaceAll('`', ''),
		value,
		rest.map((cell, index) => `${restHeader[index]} ${cell}`).join(', '),
	]);
	if (figures.merge) rows.push(['mock', figures.merge.label, figures.merge.each, figures.merge.total]);
	return rows;
}

/** The script tag's gzip bytes by source module, largest first (scripts/bench/module-bytes.mjs says how). */
export function moduleBytesTable({ moduleBytes }) {
	if (!moduleBytes) return '';
	const percent = (share) => `${((share / moduleBytes.totalGzip) * 100).toFixed(1)}%`;
	const rows = moduleBytes.modules.map((row) => [row.module, `${row.gzipShare} B`, percent(row.gzipShare), `${row.min} B`]);
	rows.push(['dist/voucherify.min.js', `${moduleBytes.totalGzip} B`, '100%', `${moduleBytes.totalMin} B`]);
	return textTable(['where the script tag\'s bytes go', 'gzip share', 'share', 'min'], rows);
}

const REQUEST_ROWS = {
	validate: 'validate, new code and amount each call: 1st / 10th',
	validatePromotions: 'validate without a code (promotions), new cart each call: 1st / 10th',
	validateStackable: 'validateStackable, new code and amount each call: 1st / 10th',
	officialValidate: 'official validate, new code and amount each call: 1st / 10th',
};

const requestRows = (requests) =>
	Object.entries(REQUEST_ROWS).map(([key, label]) => ['requests', label, `${requests[key].first} / ${requests[key].tenth}`, `${requests[key].total} for 10 calls`]);

const signedMs = (value) => `${value >= 0 ? '+' : ''}${ms(value)}`;

/** The one table `npm run bench` prints: every figure of bench.json, then the targets. */
export function summaryTable(results) {
	const { sizes, latency, repeatedChecks, requests, startup, mock, targets } = results;
	const size = (label, key, compare) => [
		'size',
		label,
		`${sizeTriple(sizes[key])} B`,
		compare ? `${ratio(sizes.ratios[compare].gzip)} official (gzip)` : '',
	];
	const latencyRow = (label, variant) => [
		'latency',
		label,
		`${ms(variant.sdk.median)} / ${ms(variant.sdk.p95)} ms`,
		`fetch ${ms(variant.fetch.median)} / ${ms(variant.fetch.p95)} ms; ${ratio(variant.ratio.median)} median, ${ratio(variant.ratio.p95)} p95; ${signedMs(variant.overheadMs)} ms paired; XHR ${ms(variant.xhr.median)} ms, ${signedMs(variant.overXhrMs)} ms over it`,
	];
	const rows = [
		size('script tag dist/voucherify.min.js (min / gzip / brotli)', 'iife', 'iifeVsOfficial'),
		size('calls file dist/voucherify-calls.min.js, loaded on the first call but validate', 'calls'),
		size('discount widget dist/voucherify-widget.min.js, loaded on render() only', 'widget'),
		size('one-file build dist/voucherify.full.min.js, every call and the widget', 'full', 'fullVsOfficial'),
		size('SPA import { createClient } bundle', 'esmCreateClient', 'esmVsOfficial'),
		size('official @voucherify/sdk client side', 'official'),
		latencyRow(`ours validate, median / p95 (${latency.calls} calls)`, latency.ours),
		latencyRow(`official validate, median / p95 (${latency.calls} calls)`, latency.official),
		[
			'latency',
			`SDK work per validate, transport stubbed (${results.sdkWork.calls} calls × 5 loops)`,
			`${results.sdkWork.ours.perCallUs} µs`,
			`official ${results.sdkWork.official.perCallUs} µs; ${ratio(results.sdkWork.ratio)}`,
		],
		[
			'latency',
			`repeated checks, ${repeatedChecks.delayMs} ms round trip, median (${repeatedChecks.ours.n} calls)`,
			`${ms(repeatedChecks.ours.median)} ms`,
			`official ${ms(repeatedChecks.official.median)} ms; ${ratio(repeatedChecks.ratio)}`,
		],
		...requestRows(requests),
		['start-up', `evaluate + create client, median (${startup.repetitions} runs)`, `${ms(startup.ours.median)} ms`, `official ${ms(startup.official.median)} ms; ${ratio(startup.ratio)}`],
		...mockRows(mock),
		...targets.map((target) => ['target', target.label, targetValue(target), target.met ? 'met' : 'NOT MET']),
	];
	return textTable(['', 'figure', 'ours', 'compared with'], rows);
}
