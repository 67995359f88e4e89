#!/usr/bin/env node
// Rewrites the README's "Size and speed" section from bench-results/bench.json, so the README only ever states what
// `npm run bench` measured. `npm run bench` ends by running this.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bytes, ms, ratio, targetValue } from './bench/format.mjs';
import { mockTable } from './bench/mock-figures.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const README = `${ROOT}README.md`;
const RESULTS = `${ROOT}bench-results/bench.json`;
const START = '<!-- size-and-speed:start -->';
const END = '<!-- size-and-speed:end -->';

const table = (header, rows, align = header.map((_, index) => (index === 0 ? '---' : '---:'))) =>
	[`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

function sizeSection({ sizes }) {
	const row = (label, size, vsOfficial, vsFloor) => [label, bytes(size.min), bytes(size.gzip), bytes(size.brotli), vsOfficial, vsFloor];
	const { ratios } = sizes;
	return [
		'### Size',
		'',
		'Bytes after rollup and terser (gzip at level 9, brotli at maximum quality). The ratios compare gzip sizes.',
		'',
		table(
			['bundle', 'min', 'gzip', 'brotli', 'vs official', 'vs dependency floor'],
			[
				row('script tag `dist/voucherify.min.js` (self-contained: its own fetch transport and SHA-256 in place of ky and js-sha256)', sizes.iife, ratio(ratios.iifeVsOfficial.gzip), ratio(ratios.iifeVsFloor.gzip)),
				row('discount widget `dist/voucherify-widget.min.js`, loaded by the script tag on the first `Voucherify.render()` only', sizes.widget, '', ''),
				row("an SPA's `import { createClient } from 'voucherify-browser'`, with its dependencies, tree-shaken", sizes.esmCreateClient, ratio(ratios.esmVsOfficial.gzip), ratio(ratios.esmVsFloor.gzip)),
				row('dependency floor: ky + js-cookie + js-sha256 alone', sizes.dependencyFloor, '', ''),
				row('official `@voucherify/sdk` 2.9 client side (`VoucherifyClientSide`)', sizes.official, '', ''),
			],
		),
	];
}

function latencySection({ latency }) {
	const row = (label, variant) => [
		label,
		ms(variant.sdk.median),
		ms(variant.sdk.p95),
		ms(variant.fetch.median),
		ms(variant.fetch.p95),
		ratio(variant.ratio.median),
		ratio(variant.ratio.p95),
		ms(variant.overheadMs),
	];
	return [
		'### Latency',
		'',
		`\`validate('${latency.code}')\` in headless Chromium against the mock API on loopback, from a page on another port (so every call is cross-origin). ${latency.calls} calls through each SDK, alternated one for one with ${latency.calls} plain \`fetch\` calls to the same URL with the same headers, after ${latency.warmup} warm-up calls of each; each call timed in the page with \`performance.now()\`, JSON parsing included. Milliseconds; *overhead* is the median difference between each SDK call and the fetch call next to it. On loopback there is no network time, so the ratio is the harshest case: over a real network the same overhead is a smaller share of the wait.`,
		'',
		table(
			['client', 'median', 'p95', 'fetch median', 'fetch p95', 'ratio (median)', 'ratio (p95)', 'overhead'],
			[row('voucherify-browser', latency.ours), row('official `@voucherify/sdk`', latency.official)],
		),
	];
}

function requestsSection({ requests }) {
	const { validate, validateStackable } = requests;
	const cached = validateStackable.tenth < validate.tenth;
	const advice = cached
		? `For repeated checks (a cart that re-validates as it changes), prefer \`validateStackable\`: its POST always goes to the one URL \`/client/v1/validations\`, and Chromium keys its CORS preflight cache by URL, so after the first call each check is ${validateStackable.tenth} request, while every \`validate\` GET with a new query string is a new URL and pays for a preflight again (${validate.tenth} requests).`
		: `In this run the preflight of \`validateStackable\` was not served from the cache (${validateStackable.tenth} requests on the 10th call), so neither call has an edge for repeated checks here.`;
	return [
		'### Requests per call',
		'',
		'Requests that reached the API, CORS preflights included, counted by a logging proxy in front of the mock, in a fresh browser context.',
		'',
		table(
			['call', '1st call', '10th call'],
			[
				['`validate` (GET, a different code each call)', validate.first, validate.tenth],
				['`validateStackable` (POST to one URL)', validateStackable.first, validateStackable.tenth],
			],
		),
		'',
		advice,
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
		'',
		...latencySection(results),
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

function main() {
	const results = JSON.parse(readFileSync(RESULTS, 'utf8'));
	const readme = readFileSync(README, 'utf8');
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start === -1 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	const updated = `${readme.slice(0, start + START.length)}\n${renderSection(results)}\n${readme.slice(end)}`;
	if (updated !== readme) writeFileSync(README, updated);
	console.error('[bench] README.md "Size and speed" section written');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
