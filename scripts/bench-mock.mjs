// Measures the mock API over loopback: validate throughput and latency at a few concurrency levels,
// and the time for 1,000 sequential merges (a validate, then a server-side redemption, per new
// visitor); then, with `--data`, how a merge and a validate scale with the customers stored (see
// bench/mock-scaling.mjs). Run after the build: `npm run bench:mock`. Writes bench-results/mock.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createMockApi } from '../dist/mock/index.js';
import { measureMembership } from './bench/membership.mjs';
import { measureScaling } from './bench/mock-scaling.mjs';
import { CLIENT_HEADERS, SERVER_HEADERS, call } from './bench/mock-http.mjs';

const REQUESTS_PER_LEVEL = 2000;
const WARM_UP_REQUESTS = 200;
const CONCURRENCY_LEVELS = [1, 8, 32];
const MERGES = 1000;
const RESULT_FILE = new URL('../bench-results/mock.json', import.meta.url);

const percentile = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
const round = (value, digits = 2) => Number(value.toFixed(digits));

/** `total` validates, `concurrency` at a time; each worker sends its next request when the last one is answered. */
async function measureValidate(baseUrl, concurrency, total) {
	const url = `${baseUrl}/client/v1/validate?code=WELCOME10&amount=10000&item%5B0%5D%5Bproduct_id%5D=prod_socks&item%5B0%5D%5Bquantity%5D=2&item%5B0%5D%5Bprice%5D=5000`;
	const latencies = [];
	let sent = 0;
	const worker = async () => {
		while (sent < total) {
			sent += 1;
			const start = performance.now();
			await call(url, { headers: CLIENT_HEADERS });
			latencies.push(performance.now() - start);
		}
	};
	const start = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - start) / 1000;
	latencies.sort((left, right) => left - right);
	return { concurrency, requests: total, requestsPerSecond: Math.round(total / seconds), p50Ms: round(percentile(latencies, 0.5)), p99Ms: round(percentile(latencies, 0.99)) };
}

/** For each new visitor: validate (the API issues a tracking id), then redeem server-side with it. */
async function measureMerges(baseUrl, count) {
	const start = performance.now();
	for (let index = 0; index < count; index += 1) {
		const { tracking_id: trackingId } = await call(`${baseUrl}/client/v1/validate?code=SAVE5&amount=2000`, { headers: CLIENT_HEADERS });
		const redemption = await call(`${baseUrl}/v1/vouchers/SAVE5/redemption?tracking_id=${encodeURIComponent(trackingId)}`, {
			method: 'POST',
			headers: SERVER_HEADERS,
			body: JSON.stringify({ customer: { email: `visitor${index}@example.com` }, order: { amount: 2000 } }),
		});
		if (redemption.customer?.source_id !== trackingId) throw new Error(`merge ${index} did not land on the visitor`);
	}
	const milliseconds = performance.now() - start;
	return { merges: count, totalMs: Math.round(milliseconds), perMergeMs: round(milliseconds / count, 3) };
}

const api = createMockApi();
const server = await api.start({ port: 0 });
try {
	await measureValidate(server.url, 8, WARM_UP_REQUESTS);
	api.reset();
	const validate = [];
	for (const concurrency of CONCURRENCY_LEVELS) validate.push(await measureValidate(server.url, concurrency, REQUESTS_PER_LEVEL));
	api.reset();
	const merge = await measureMerges(server.url, MERGES);
	const customers = api.snapshot().customers.length;
	if (customers !== MERGES) throw new Error(`expected ${MERGES} customers after the merges, found ${customers}`);

	console.table(validate.map(({ concurrency, requestsPerSecond, p50Ms, p99Ms }) => ({ concurrency, 'validate req/s': requestsPerSecond, 'p50 ms': p50Ms, 'p99 ms': p99Ms })));
	console.log(`${merge.merges} sequential merges (validate + server redemption each): ${merge.totalMs} ms, ${merge.perMergeMs} ms per merge`);
	const membership = await measureMembership(createMockApi, SERVER_HEADERS);
	console.log(
		`segment membership at ${membership.customers} customers: one customer against ${membership.segments} auto-update segments ${membership.membershipUpdateMs} ms; ` +
			`PUT /v1/customers p50 ${membership.updateWithoutSegmentsMs} ms with no segment, ${membership.updateWithSegmentsMs} ms with them; ` +
			`creating a segment ${membership.segmentCreationMs} ms (${membership.segmentCheckPerCustomerUs} µs per customer); importing the ${membership.customers} customers ${membership.importMs} ms`,
	);

	const scaling = await measureScaling();
	console.log('With --data (journal fsynced per change), sequential, p50 per operation:');
	console.table(scaling.map(({ customers, mergeP50Ms, validateP50Ms, startMs, diskBytes }) => ({
		'customers stored': customers,
		'merge p50 ms': mergeP50Ms,
		'validate p50 ms': validateP50Ms,
		'start ms': startMs ?? '',
		'on disk': diskBytes === undefined ? '' : `${(diskBytes / 1024 / 1024).toFixed(1)} MB`,
	})));

	const results = {
		date: new Date().toISOString(),
		node: process.version,
		cpu: cpus()[0]?.model ?? 'unknown',
		cpus: cpus().length,
		validate,
		merge,
		membership,
		scaling,
	};
	mkdirSync(new URL('.', RESULT_FILE), { recursive: true });
	writeFileSync(RESULT_FILE, `${JSON.stringify(results, null, 2)}\n`);
	console.log(`[voucherify] bench results written to bench-results/mock.json`);
} finally {
	await server.close();
}
