#!/usr/bin/env node
// `npm run bench`: sizes and where the script tag's bytes go, then latency (on loopback, and repeated checks over a
// delayed proxy), request counts and start-up in headless
// Chromium against the mock API on loopback, plus the mock's own throughput. Prints the tables, writes
// bench-results/bench.json and rewrites the README section.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { measureLatency, measureRepeatedChecks, measureSdkWork } from './bench/latency.mjs';
import { runMockBenchmark } from './bench/mock-throughput.mjs';
import { startPageServer } from './bench/page-server.mjs';
import { countRequests } from './bench/request-counts.mjs';
import { startRequestLog } from './lib/request-log.mjs';
import { measureModuleBytes } from './bench/module-bytes.mjs';
import { measureSizes } from './bench/sizes.mjs';
import { measureStartup } from './bench/startup.mjs';
import { moduleBytesTable, summaryTable } from './bench/summary-table.mjs';
import { checkTargets } from './bench/targets.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const IIFE = `${ROOT}dist/voucherify.min.js`;
const OUTPUT = `${ROOT}bench-results/bench.json`;
const SETTINGS = { warmup: 20, calls: 200, sdkWorkCalls: 1500, startupRepetitions: 15, roundTripMs: 50, repeatedChecks: 30 };
/** A hung browser or server must not hang CI: the whole run gets this long. */
const WATCHDOG_MS = 10 * 60_000;

const log = (message) => console.error(`[bench] ${message}`);

function run(command, args) {
	const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

async function measureInChromium({ officialCode }) {
	const { createMockApi, MOCK_DEFAULTS } = await import(`${ROOT}dist/mock/index.js`);
	const keys = { clientApplicationId: MOCK_DEFAULTS.clientApplicationId, clientToken: MOCK_DEFAULTS.clientToken };
	const api = await createMockApi().start({ port: 0, host: '127.0.0.1' });
	const requestLog = await startRequestLog(api.url);
	// A network round trip on loopback: every request, preflights included, waits this long before it is forwarded.
	const slowNetwork = await startRequestLog(api.url, { delayMs: SETTINGS.roundTripMs });
	const pages = await startPageServer({ officialCode });
	const browser = await launchChromium();
	try {
		log(`latency: ${SETTINGS.calls} validate calls per variant, alternated with fetch and XHR`);
		const latency = await measureLatency(browser, { pageUrl: pages.url, apiUrl: api.url, keys, warmup: SETTINGS.warmup, calls: SETTINGS.calls });
		log(`SDK work: ${SETTINGS.sdkWorkCalls} validate calls per loop over a stubbed transport, five loops each`);
		const sdkWork = await measureSdkWork(browser, { pageUrl: pages.url, apiUrl: api.url, keys, warmup: SETTINGS.sdkWorkCalls, calls: SETTINGS.sdkWorkCalls });
		log(`repeated checks: ${SETTINGS.repeatedChecks} validations each, another code and amount each, every request delayed ${SETTINGS.roundTripMs} ms`);
		const repeatedChecks = await measureRepeatedChecks(browser, { pageUrl: pages.url, apiUrl: slowNetwork.url, keys, delayMs: SETTINGS.roundTripMs, calls: SETTINGS.repeatedChecks });
		log('request counts behind a logging proxy');
		const requests = await countRequests(browser, { pageUrl: pages.url, apiUrl: requestLog.url, keys, requests: requestLog.requests });
		log(`start-up: ${SETTINGS.startupRepetitions} fresh pages each`);
		const startup = await measureStartup(browser, {
			pageUrl: pages.url,
			apiUrl: api.url,
			keys,
			texts: { ours: readFileSync(IIFE, 'utf8'), official: officialCode },
			repetitions: SETTINGS.startupRepetitions,
		});
		return { chromium: browser.version(), latency, sdkWork, repeatedChecks, requests, startup };
	} finally {
		await browser.close();
		await Promise.all([pages.close(), requestLog.close(), slowNetwork.close()]);
		await api.close();
	}
}

async function main() {
	setTimeout(() => {
		console.error(`[bench] gave up after ${WATCHDOG_MS / 60_000} minutes`);
		process.exit(1);
	}, WATCHDOG_MS).unref();

	// Other work on the machine skews every timing, so the load before this run goes into the results.
	const loadAverage = Math.round(loadavg()[0] * 100) / 100;
	log('building dist/ (rollup -c)');
	run(process.execPath, [`${ROOT}node_modules/rollup/dist/bin/rollup`, '-c', '--silent']);

	log('sizes: bundling the comparison entries with rollup + terser');
	const { sizes, officialCode } = await measureSizes({ iifePath: IIFE });
	log('where the script tag\'s bytes go: its source map, module by module');
	const moduleBytes = measureModuleBytes(IIFE);
	const { chromium, latency, sdkWork, repeatedChecks, requests, startup } = await measureInChromium({ officialCode });

	// After the browser has gone, so the two do not compete for the CPU.
	log('mock throughput: scripts/bench-mock.mjs');
	const mock = await runMockBenchmark({ root: ROOT });

	const cpu = cpus();
	const results = {
		date: new Date().toISOString(),
		machine: { cores: cpu.length, cpu: cpu[0]?.model.trim(), platform: `${process.platform} ${process.arch}`, node: process.version, chromium, loadAverage },
		settings: SETTINGS,
		sizes,
		moduleBytes,
		latency,
		sdkWork,
		repeatedChecks,
		requests,
		startup,
		mock,
	};
	results.targets = checkTargets(results);

	mkdirSync(`${ROOT}bench-results`, { recursive: true });
	writeFileSync(OUTPUT, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(summaryTable(results));
	console.log(`\n${moduleBytesTable(results)}`);
	log(`wrote ${OUTPUT.slice(ROOT.length)}`);

	run(process.execPath, [`${ROOT}scripts/readme-figures.mjs`]);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
