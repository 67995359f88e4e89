// The cost of keeping auto-update segment membership current at 10,000 customers: the same customer update
// timed with no segments and with five auto-update segments (one per field family), plus the time to create a
// segment, which checks every customer once. Requests go through the mock's msw handlers in-process
// (msw's getResponse), so socket noise on a shared machine does not swamp a sub-millisecond difference.
// Used by scripts/bench-mock.mjs.
import { getResponse } from 'msw';
import { performance } from 'node:perf_hooks';

const BASE_URL = 'https://api.voucherify.test';

const CUSTOMERS = 10_000;
const UPDATES = 3000;

const SEGMENTS = [
	{ name: 'Gold', type: 'auto-update', filter: { 'metadata.tier': { conditions: { $is: ['gold'] } } } },
	{ name: 'Buyers', type: 'auto-update', filter: { 'summary.orders.total_count': { conditions: { $more_than: [0] } } } },
	{ name: 'Abandoners', type: 'auto-update', filter: { 'events.cart_abandoned.count': { conditions: { $more_than: [1] } } } },
	{ name: 'Staff', type: 'auto-update', filter: { email: { conditions: { $ends_with: ['@shop.test'] } } } },
	{ name: 'Recent', type: 'auto-update', filter: { created_at: { conditions: { $less_than: [30] } } } },
];

const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)];
const round = (value, digits = 3) => Number(value.toFixed(digits));

/** One server call through the handlers. */
async function send(api, method, path, headers, body) {
	const response = await getResponse(api.handlers, new Request(`${BASE_URL}${path}`, { method, headers, body: JSON.stringify(body) }));
	if (!response) throw new Error(`no handler answered ${method} ${path}`);
	return response;
}

/** One PUT of a customer's metadata, timed; `gold` alternates so a segment is joined and left each time. */
async function timeUpdate(api, headers, gold) {
	const start = performance.now();
	const response = await send(api, 'PUT', '/v1/customers/customer-5000', headers, { metadata: { tier: gold ? 'gold' : 'silver' } });
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`PUT answered ${response.status}`);
	return performance.now() - start;
}

/** A mock holding the 10,000 customers, and how long their import took. */
function mockWithCustomers(createMockApi) {
	const api = createMockApi({ baseUrl: BASE_URL });
	const rows = Array.from({ length: CUSTOMERS }, (_, index) => `customer-${index},c${index}@example.com,${index % 3 ? 'silver' : 'gold'}`);
	const start = performance.now();
	const imported = api.importCustomersCsv(['source_id,email,metadata.tier', ...rows].join('\n'));
	if (imported.created !== CUSTOMERS) throw new Error(`imported ${imported.created} customers, not ${CUSTOMERS}`);
	return { api, importMs: performance.now() - start };
}

/**
 * Two mocks with the same customers, one with the segments and one without, updated in turn so that
 * whatever else the machine is doing weighs on both alike; the medians and their difference.
 */
export async function measureMembership(createMockApi, headers) {
	const { api: plain, importMs } = mockWithCustomers(createMockApi);
	const { api } = mockWithCustomers(createMockApi);
	const creationMs = [];
	for (const segment of SEGMENTS) {
		const start = performance.now();
		const response = await send(api, 'POST', '/v1/segments', headers, segment);
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`POST /v1/segments answered ${response.status}`);
		creationMs.push(performance.now() - start);
	}
	const members = Object.values(api.snapshot().segmentMemberships).filter((ids) => ids.length > 0).length;
	const without = [];
	const within = [];
	// Which mock goes first alternates too, so neither always runs on a warmer cache.
	for (let index = 0; index < UPDATES; index += 1) {
		const gold = index % 2 === 1;
		if (gold) without.push(await timeUpdate(plain, headers, gold));
		within.push(await timeUpdate(api, headers, gold));
		if (!gold) without.push(await timeUpdate(plain, headers, gold));
	}
	const withoutSegmentsMs = median(without);
	const withSegmentsMs = median(within);
	return {
		customers: CUSTOMERS,
		segments: SEGMENTS.length,
		updates: UPDATES,
		importMs: Math.round(importMs),
		segmentCreationMs: round(median(creationMs), 1),
		segmentCheckPerCustomerUs: round((median(creationMs) / CUSTOMERS) * 1000, 1),
		customersInASegment: members,
		updateWithoutSegmentsMs: round(withoutSegmentsMs),
		updateWithSegmentsMs: round(withSegmentsMs),
		// What one customer's update costs against every segment, from the per-customer check measured above;
		// the end-to-end difference of the two medians is below the noise of a shared machine.
		membershipUpdateMs: round((SEGMENTS.length * median(creationMs)) / CUSTOMERS),
		updateDifferenceMs: round(withSegmentsMs - withoutSegmentsMs),
	};
}
