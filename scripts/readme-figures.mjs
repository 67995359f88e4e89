#!/usr/bin/env node
// Rewrites the README's "Size and speed" section from bench-results/bench.json, so the README only ever states what
// `npm run bench` measured. `npm run bench` ends by running this. It also rewrites the CDN snippets of "Install" (the
// version and the sha384 integrity of dist/voucherify.min.js and dist/voucherify.full.min.js), and the consumer table
// of "Development" from bench-results/consumer-check.json (`npm run consumer-check`). `--cdn` rewrites only the snippet, `--consumers` only
// the consumer table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, ms, ratio, targetValue } from './bench/format.mjs';
import { mockTable } from './bench/mock-figures.mjs';
import { withCdnSnippet } from './lib/cdn-snippet.mjs';
import { withConsumerTable } from './lib/consumer-table.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = `${ROOT}README.md`;
const RESULTS = `${ROOT}bench-results/bench.json`;
const CONSUMER_RESULTS = `${ROOT}bench-results/consumer-check.json`;
const START = '<!-- size-and-speed:start -->';
const END = '<!-- size-and-speed:end -->';

const table = (header, rows, align = header.map((_, index) => (index === 0 ? '---' : '---:'))) =>
	[`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

function sizeSection({ sizes }) {
	const row = (label, size, vsOfficial) => [label, bytes(size.min), bytes(size.gzip), bytes(size.brotli), vsOfficial];
	const { ratios } = sizes;
	return [
		'### Size',
		'',
		'Bytes after rollup and terser (gzip at level 9, brotli at maximum quality). The ratios compare gzip sizes.',
		'',
		table(
			['bundle', 'min', 'gzip', 'brotli', 'vs official'],
			[
				row('script tag `dist/voucherify.min.js` (self-contained: the package has no runtime dependency)', sizes.iife, ratio(ratios.iifeVsOfficial.gzip)),
				row('every call but `validate`, `dist/voucherify-calls.min.js`, loaded by the script tag on the first such call only', sizes.calls, ''),
				row('discount widget `dist/voucherify-widget.min.js`, loaded by the script tag on the first `Voucherify.render()` only', sizes.widget, ''),
				...(sizes.full ? [row('one-file script tag `dist/voucherify.full.min.js` (every call and the widget; loads nothing else)', sizes.full, ratio(ratios.fullVsOfficial.gzip))] : []),
				row("an SPA's `import { createClient } from 'voucherify-browser'`, tree-shaken", sizes.esmCreateClient, ratio(ratios.esmVsOfficial.gzip)),
				row('official `@voucherify/sdk` 2.9 client side (`VoucherifyClientSide`)', sizes.official, ''),
			],
		),
	];
}

function moduleBytesSection({ moduleBytes }) {
	if (!moduleBytes) return [];
	const percent = (share) => `${((share / moduleBytes.totalGzip) * 100).toFixed(1)}%`;
	return [
		'',
		'### Where the bytes go',
		'',
		"The script tag's gzip bytes by source module, largest first, so a change shows its cost. Read from the build's own source map (`dist/voucherify.min.js.map`): every stretch of the minified text belongs to the module its mapping names, which gives exact minified bytes per module. Gzip has no per-module size, so each module's text is gzipped on its own and the file's real gzip total is shared out in proportion to those figures. `npm run build && node scripts/bench/module-bytes.mjs` prints the same table.",
		'',
		table(
			['module', 'gzip share', 'share', 'min'],
			[
				...moduleBytes.modules.map((row) => [row.module.startsWith('(') ? row.module : `\`${row.module}\``, bytes(row.gzipShare), percent(row.gzipShare), bytes(row.min)]),
				['**`dist/voucherify.min.js`**', `**${bytes(moduleBytes.totalGzip)}**`, '100%', `**${bytes(moduleBytes.totalMin)}**`],
			],
		),
	];
}

function latencySection({ latency, sdkWork }) {
	const row = (label, variant) => [
		label,
		ms(variant.sdk.median),
		ms(variant.sdk.p95),
		ms(variant.fetch.median),
		ms(variant.xhr.median),
		ratio(variant.ratio.median),
		ms(variant.overheadMs),
		ms(variant.overXhrMs),
	];
	return [
		'### Latency',
		'',
		`\`validate('${latency.code}')\` in headless Chromium against the mock API on loopback, from a page on another port (so every call is cross-origin). ${latency.calls} rounds after ${latency.warmup} warm-up rounds; each round makes one call through the SDK, one plain \`fetch\` and one plain \`XMLHttpRequest\` of the same request (URL, headers, body), in an order rotated each round; each call timed in the page with \`performance.now()\`, JSON parsing included. Milliseconds; *overhead* is the median difference between each SDK call and the plain call of its round. On loopback there is no network time, so the ratio is the harshest case: over a real network the same overhead is a smaller share of the wait.`,
		'',
		table(
			['client', 'median', 'p95', 'fetch median', 'XHR median', 'ratio to fetch', 'overhead over fetch', 'overhead over XHR'],
			[row('voucherify-browser', latency.ours), row('official `@voucherify/sdk`', latency.official)],
		),
		'',
		`Both SDKs send a validation with \`XMLHttpRequest\` (the official SDK through axios); ours keeps \`fetch\` for the calls that must outlive the page (\`keepalive\`) and for a \`fetch\` option. In Chromium the same request by XHR answers ${ms(Math.abs(latency.official.xhrMinusFetchMs))} ms ${latency.official.xhrMinusFetchMs <= 0 ? 'sooner' : 'later'} than by \`fetch\` on loopback (median of the pairs in the official SDK's rounds), so an SDK's overhead over plain \`fetch\` can be below zero. Over plain XHR, the official SDK's overhead is ${ms(latency.official.overXhrMs)} ms, ours ${ms(latency.ours.overXhrMs)} ms.`,
		...(sdkWork
			? [
					'',
					`What each SDK itself costs per call, with the network taken out: in a fresh page, the SDK's transport replaced by a stub that answers at once with the body the mock gave that SDK's request (the \`XMLHttpRequest\` both send with), ${sdkWork.calls} \`validate\` calls per loop, five loops alternated with five loops of the bare stub; the difference of the medians, in microseconds per call: **ours ${sdkWork.ours.perCallUs} µs, official ${sdkWork.official.perCallUs} µs (${ratio(sdkWork.ratio)})**. Ours includes reading the tracking cookie, checking every input and mapping the stackable answer to \`ValidationResult\`.`,
				]
			: []),
	];
}

function repeatedChecksSection({ repeatedChecks }) {
	if (!repeatedChecks) return [];
	const { delayMs, calls, ours, official, first } = repeatedChecks;
	return [
		'',
		`#### Repeated checks over a ${delayMs} ms round trip`,
		'',
		`A shopper trying codes as the cart changes: ${calls} validations, each with another code and cart amount (\`validate({ code, amount })\`), through each SDK in turn in one fresh page, with a proxy that holds every request (CORS preflights included) ${delayMs} ms before it reaches the mock, as a network would. Our \`validate\` POSTs to the one URL \`/client/v1/validations\`, whose preflight the browser caches; the official SDK's GET puts the code and amount in the URL, so each check is a new URL and a preflight first. Milliseconds, of the calls after the first of each (first calls: ours ${ms(first.ours)}, official ${ms(first.official)}).`,
		'',
		table(
			['client', 'median', 'p95'],
			[
				['voucherify-browser `validate`', ms(ours.median), ms(ours.p95)],
				['official `@voucherify/sdk` `validate`', ms(official.median), ms(official.p95)],
			],
		),
		'',
		`Ratio of the medians: ${repeatedChecks.ratio.toFixed(3)}×.`,
	];
}

const REQUEST_ROWS = [
	['validate', '`validate({ code, amount })`: POST to the one URL `/client/v1/validations`'],
	['validatePromotions', '`validate({ amount })` without a code: the promotions validation, `GET /client/v1/promotions/validation?…`'],
	['validateStackable', '`validateStackable(…)`: POST to `/client/v1/validations`'],
	['officialValidate', 'official `@voucherify/sdk` `validate({ code, amount })`: `GET /client/v1/validate?…`'],
];

function requestsSection({ requests }) {
	const rows = REQUEST_ROWS.filter(([key]) => requests[key]).map(([key, label]) => [label, requests[key].first, requests[key].tenth, requests[key].total ?? '']);
	const { validate, validatePromotions } = requests;
	return [
		'### Requests per call',
		'',
		'Requests that reached the API, CORS preflights included, counted by a logging proxy in front of the mock: ten calls of each, every one with another code (where it takes one) and another cart amount, in a fresh browser context per row.',
		'',
		table(['call', '1st call', '10th call', '10 calls'], rows),
		'',
		`After the page's first check, each \`validate\` with a code costs ${validate.tenth} request: the browser caches the preflight of the one URL it POSTs to for as long as the answer's \`Access-Control-Max-Age\` allows (the mock sends 600 s; without the header Chromium keeps it 5 s). Firefox ESR, in the end-to-end suite, preflights each of the first three checks, then serves the preflight from its cache too.` +
			(validatePromotions
				? ` A validation without a code has no single-URL form in the API: the promotions validation is a GET only, so each new cart is a new URL and a preflight before it (${validatePromotions.tenth} requests on the 10th call).`
				: ''),
	];
}

function startupSection({ startup }) {
	return [
		'### Start-up',
		'',
		`Evaluating the bundle's script text and creating one client, synchronously, in a fresh page (no network), ${startup.repetitions} times each, alternating. Milliseconds.`,
		'',
		table(
			['bundle', 'median', 'p95'],
			[
				['script tag + `Voucherify.createClient(…)`', ms(startup.ours.median), ms(startup.ours.p95)],
				['official bundle + `VoucherifyClientSide(…)`', ms(startup.official.median), ms(startup.official.p95)],
			],
		),
		'',
		`Ratio of the medians: ${startup.ratio.toFixed(3)}×.`,
	];
}

const SCALING_NOTE =
	'With `--data`, by customers stored (the bench writes the snapshot itself: each customer with an owned tracking id and two activity entries): the median of 200 sequential merges and 300 anonymous validates, each answered once its journal line is fsynced; in brackets, the ratio to an empty store. *start* is loading plus the compaction at start; *on disk* is snapshot plus journal afterwards.';

function mockSection({ mock }) {
	const figures = mockTable(mock);
	return [
		'### Mock API throughput',
		'',
		...(figures
			? [
					'The mock server alone, called from Node over loopback by `scripts/bench-mock.mjs` (`bench-results/mock.json`).',
					'',
					table(figures.header, figures.rows),
					...(figures.merge ? ['', `${figures.merge.label}: ${figures.merge.each}, ${figures.merge.total}.`] : []),
					...(figures.scaling ? ['', SCALING_NOTE, '', table(figures.scaling.header, figures.scaling.rows)] : []),
				]
			: [mock?.note ?? 'Not measured.']),
	];
}

function targetsSection({ targets }) {
	return [
		'### Targets',
		'',
		table(
			['target', 'measured', 'result'],
			targets.map((target) => [target.label, targetValue(target), target.met ? 'met' : '**not met**']),
			['---', '---:', '---'],
		),
	];
}

export function renderSection(results) {
	const { machine } = results;
	return [
		'## Size and speed',
		'',
		`Measured by \`npm run bench\` on ${results.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), ${machine.platform}, Node ${machine.node}, Chromium ${machine.chromium}; 1-minute load average ${machine.loadAverage} before the run. This section is rewritten from \`bench-results/bench.json\` on every run.`,
		'',
		...sizeSection(results),
		...moduleBytesSection(results),
		'',
		...latencySection(results),
		...repeatedChecksSection(results),
		'',
		...requestsSection(results),
		'',
		...startupSection(results),
		'',
		...mockSection(results),
		'',
		...targetsSection(results),
	].join('\n');
}

function writeCdnSnippet() {
	const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
	const readme = readFileSync(README, 'utf8');
	const updated = withCdnSnippet(readme, version, `${ROOT}dist`);
	if (updated !== readme) writeFileSync(README, updated);
	console.error(`[bench] README.md CDN snippets written for ${version}`);
}

function writeConsumerTable() {
	const readme = readFileSync(README, 'utf8');
	const updated = withConsumerTable(readme, JSON.parse(readFileSync(CONSUMER_RESULTS, 'utf8')));
	if (updated !== readme) writeFileSync(README, updated);
	console.error('[bench] README.md consumer table written');
}

function main() {
	if (process.argv.includes('--cdn')) return writeCdnSnippet();
	if (process.argv.includes('--consumers')) return writeConsumerTable();
	if (existsSync(CONSUMER_RESULTS)) writeConsumerTable();
	const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
	const readme = readFileSync(README, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	const updated = `${readme.slice(0, start + START.length)}\n${renderSection(results)}\n${readme.slice(end)}`;
	if (updated !== readme) writeFileSync(README, updated);
	console.error('[bench] README.md "Size and speed" section written');
	writeCdnSnippet();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
