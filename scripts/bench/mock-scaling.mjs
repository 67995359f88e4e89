// How the cost of one change grows with what `--data` stores: for each size, the bench writes a
// snapshot file of that many customers itself (each with an owned tracking id and two activity
// entries, as a merge leaves them), starts a mock on it, and times sequential merges (validate, then
// a server-side redemption, per new visitor) and anonymous validates, each answered only once its
// change is fsynced. Used by scripts/bench-mock.mjs.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMockApi } from '../../dist/mock/index.js';
import { CLIENT_HEADERS, SERVER_HEADERS, call } from './mock-http.mjs';

const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];
const round = (value, digits = 2) => Number(value.toFixed(digits));

/** One customer, its activity and the tracking id it owns, shaped like those a merge leaves (the template is a real one). */
function customerEntries(template, activityTemplate, index) {
	const id = `cust_bench${String(index).padStart(19, '0')}`;
	const sourceId = `track_bench${index}`;
	const customer = { ...template, id, source_id: sourceId, email: `bench${index}@example.com` };
	const activity = activityTemplate.map((entry, position) => ({ ...entry, id: `evcus_bench${index}_${position}`, data: { ...entry.data, tracking_id: sourceId } }));
	return { customer: [id, customer], activity: [id, activity], owner: [sourceId, id] };
}

/** Takes a customer and its activity from a real merge, to copy. */
async function templates() {
	const api = createMockApi();
	const server = await api.start({ port: 0 });
	try {
		const { tracking_id: trackingId } = await call(`${server.url}/client/v1/validate?code=SAVE5&amount=2000`, { headers: CLIENT_HEADERS });
		await call(`${server.url}/v1/vouchers/SAVE5/redemption?tracking_id=${encodeURIComponent(trackingId)}`, {
			method: 'POST',
			headers: SERVER_HEADERS,
			body: JSON.stringify({ customer: { email: 'template@example.com' }, order: { amount: 2000 } }),
		});
		const snapshot = api.snapshot();
		const [customer] = snapshot.customers;
		return { vouchers: snapshot.vouchers, customer, activity: snapshot.customerActivity[customer.id] };
	} finally {
		await server.close();
	}
}

/** Writes the snapshot file (format version 2, see src/mock/persistence/stored-state.ts) of `count` customers. */
function writeSnapshot(path, count, base) {
	const entries = Array.from({ length: count }, (_, index) => customerEntries(base.customer, base.activity, index));
	const stored = {
		format: 'voucherify-mock-state',
		version: 2,
		generation: 0,
		maps: {
			vouchers: base.vouchers.map((voucher) => [voucher.code, voucher]),
			customers: entries.map((entry) => entry.customer),
			customerActivity: entries.map((entry) => entry.activity),
			anonymousActivity: [],
			anonymousConsents: [],
			trackingOwners: entries.map((entry) => entry.owner),
		},
		lists: { publications: [] },
	};
	writeFileSync(path, JSON.stringify(stored));
}

/** Sequential merges: the time of each (validate + redemption) pair. */
async function timeMerges(baseUrl, count, offset) {
	const times = [];
	for (let index = 0; index < count; index += 1) {
		const start = performance.now();
		const { tracking_id: trackingId } = await call(`${baseUrl}/client/v1/validate?code=SAVE5&amount=2000`, { headers: CLIENT_HEADERS });
		await call(`${baseUrl}/v1/vouchers/SAVE5/redemption?tracking_id=${encodeURIComponent(trackingId)}`, {
			method: 'POST',
			headers: SERVER_HEADERS,
			body: JSON.stringify({ customer: { email: `new${offset + index}@example.com` }, order: { amount: 2000 } }),
		});
		times.push(performance.now() - start);
	}
	return times;
}

/** Sequential validates by new anonymous visitors (each records one activity under a new tracking id). */
async function timeValidates(baseUrl, count) {
	const times = [];
	for (let index = 0; index < count; index += 1) {
		const start = performance.now();
		await call(`${baseUrl}/client/v1/validate?code=WELCOME10&amount=10000`, { headers: CLIENT_HEADERS });
		times.push(performance.now() - start);
	}
	return times;
}

const bytesIn = (directory) => readdirSync(directory).reduce((sum, name) => sum + statSync(join(directory, name)).size, 0);

/**
 * For each size: p50 of a merge and of a validate with `--data`, the start time (load and the
 * compaction at start) and the bytes on disk afterwards. Also the same p50s with no data file.
 */
export async function measureScaling({ sizes = [0, 1_000, 10_000, 50_000], merges = 200, validates = 300 } = {}) {
	const base = await templates();
	const rows = [];
	const inMemory = createMockApi();
	const memoryServer = await inMemory.start({ port: 0 });
	try {
		await timeValidates(memoryServer.url, 50);
		rows.push({ customers: 'in memory', mergeP50Ms: round(median(await timeMerges(memoryServer.url, merges, 0))), validateP50Ms: round(median(await timeValidates(memoryServer.url, validates))) });
	} finally {
		await memoryServer.close();
	}
	for (const size of sizes) {
		const directory = mkdtempSync(join(tmpdir(), 'voucherify-bench-'));
		const dataFile = join(directory, 'state.json');
		try {
			writeSnapshot(dataFile, size, base);
			const startedAt = performance.now();
			const api = createMockApi({ dataFile });
			const startMs = performance.now() - startedAt;
			const server = await api.start({ port: 0 });
			try {
				await timeValidates(server.url, 50);
				const mergeTimes = await timeMerges(server.url, merges, 0);
				const validateTimes = await timeValidates(server.url, validates);
				const stored = api.snapshot().customers.length;
				if (stored !== size + merges) throw new Error(`expected ${size + merges} customers after the merges, found ${stored}`);
				rows.push({ customers: size, mergeP50Ms: round(median(mergeTimes)), validateP50Ms: round(median(validateTimes)), startMs: Math.round(startMs), diskBytes: bytesIn(directory) });
			} finally {
				await server.close();
			}
		} finally {
			rmSync(directory, { recursive: true, force: true });
		}
	}
	return rows;
}
