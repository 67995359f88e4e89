import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMockApi } from '../../src/mock/index.js';
import { serverCall, validate, type ActivityBody, type CustomerBody } from './support.js';

/**
 * Load over real HTTP: 1,000 validations (all 1,000 in flight at once) from 20 visitors, then 200
 * server-side redemptions (all 200 in flight) merging them. The state must add up exactly: nothing lost, nothing
 * counted twice. The work runs once, in `beforeAll`; each test checks one property of the result.
 */

const VISITORS = 20;
const VALIDATIONS_PER_VISITOR = 50;
const REDEMPTIONS_PER_VISITOR = 10;
/** Its validations, its redemptions, and the customer.created its first redemption recorded. */
const ENTRIES_PER_CUSTOMER = VALIDATIONS_PER_VISITOR + REDEMPTIONS_PER_VISITOR + 1;
const VOUCHER = 'LOAD-200';
/** Characters of real tracking ids (`+`, `/`, `=`), so the query encoding is under load too. */
const trackingIdOf = (visitor: number) => `track_load+${visitor}/visitor==`;
/** A distinct order amount per redemption, so a lost or doubled order shows in the sums. */
const orderAmount = (visitor: number, redemption: number) => 10_000 + visitor * 100 + redemption;

describe(`${VISITORS * VALIDATIONS_PER_VISITOR} concurrent validations, then ${VISITORS * REDEMPTIONS_PER_VISITOR} concurrent merges`, () => {
	// Not useHttpMock, which resets before each test: the state built once in beforeAll is what every test reads.
	const target = { api: createMockApi(), baseUrl: '' };
	let close: (() => Promise<void>) | undefined;
	afterAll(() => close?.());
	const visitors = Array.from({ length: VISITORS }, (_, visitor) => visitor);
	let validationStatuses: number[] = [];
	let redemptionStatuses: number[] = [];
	let customers: Map<string, CustomerBody>;
	let activities: Map<string, ActivityBody[]>;

	beforeAll(async () => {
		const server = await target.api.start({ port: 0 });
		target.baseUrl = server.url;
		close = server.close;
		const created = await serverCall(target, 'POST', `/vouchers/${VOUCHER}`, {
			body: { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: VISITORS * REDEMPTIONS_PER_VISITOR } },
		});
		expect(created.status).toBe(200);

		// All sent before any is awaited: fetch opens a connection per request, so 1,000 are in flight at once.
		const validations = visitors.flatMap((visitor) =>
			Array.from({ length: VALIDATIONS_PER_VISITOR }, (_, index) => validate(target, { code: 'WELCOME10', amount: 1000 + index, tracking_id: trackingIdOf(visitor) })),
		);
		validationStatuses = (await Promise.all(validations)).map((answer) => answer.status);

		// Interleaved, so every visitor's redemptions race each other and every other visitor's.
		const redemptions = Array.from({ length: REDEMPTIONS_PER_VISITOR }, (_, redemption) => visitors.map((visitor) => ({ visitor, redemption }))).flat();
		redemptionStatuses = (
			await Promise.all(
				redemptions.map(({ visitor, redemption }) =>
					serverCall(target, 'POST', `/vouchers/${VOUCHER}/redemption?tracking_id=${encodeURIComponent(trackingIdOf(visitor))}`, { body: { order: { amount: orderAmount(visitor, redemption) } } }),
				),
			)
		).map((answer) => answer.status);

		customers = new Map();
		activities = new Map();
		for (const visitor of visitors) {
			const id = encodeURIComponent(trackingIdOf(visitor));
			customers.set(trackingIdOf(visitor), (await serverCall<CustomerBody>(target, 'GET', `/customers/${id}`)).body);
			activities.set(trackingIdOf(visitor), (await serverCall<{ data: ActivityBody[] }>(target, 'GET', `/customers/${id}/activity?limit=100`)).body.data);
		}
	}, 60_000);

	test('every validation answered 200', () => {
		expect(validationStatuses).toHaveLength(VISITORS * VALIDATIONS_PER_VISITOR);
		expect(validationStatuses.filter((status) => status !== 200)).toEqual([]);
	});

	test('every redemption answered 200', () => {
		expect(redemptionStatuses).toHaveLength(VISITORS * REDEMPTIONS_PER_VISITOR);
		expect(redemptionStatuses.filter((status) => status !== 200)).toEqual([]);
	});

	test('exactly one customer exists per tracking id, and no other', async () => {
		const list = await serverCall<{ customers: CustomerBody[]; total: number }>(target, 'GET', '/customers?limit=100');
		expect(list.body.total).toBe(VISITORS);
		expect(list.body.customers.map((customer) => customer.source_id).sort()).toEqual(visitors.map(trackingIdOf).sort());
		expect(target.api.snapshot().customers).toHaveLength(VISITORS);
	});

	test('each customer’s activity is exactly its 50 validations, the customer.created of its first redemption, and its 10 redemptions', () => {
		for (const visitor of visitors) {
			const types = (activities.get(trackingIdOf(visitor)) ?? []).map((entry) => entry.type);
			const count = (wanted: string) => types.filter((type) => type === wanted).length;
			expect({ visitor, validations: count('customer.validation.succeeded'), created: count('customer.created'), redemptions: count('customer.redemption.succeeded'), total: types.length }).toEqual({
				visitor,
				validations: VALIDATIONS_PER_VISITOR,
				created: 1,
				redemptions: REDEMPTIONS_PER_VISITOR,
				total: ENTRIES_PER_CUSTOMER,
			});
		}
	});

	test('no activity is duplicated: every entry id is unique across all customers', () => {
		const ids = [...activities.values()].flat().map((entry) => entry.id);
		expect(ids).toHaveLength(VISITORS * ENTRIES_PER_CUSTOMER);
		expect(new Set(ids).size).toBe(ids.length);
	});

	test('no activity is lost or left behind: the snapshot holds all of it on customers and none anonymous', () => {
		const snapshot = target.api.snapshot();
		const onCustomers = Object.values(snapshot.customerActivity).flat();
		expect(onCustomers).toHaveLength(VISITORS * ENTRIES_PER_CUSTOMER);
		expect(Object.keys(snapshot.anonymousActivity).filter((trackingId) => visitors.map(trackingIdOf).includes(trackingId))).toEqual([]);
		for (const visitor of visitors) expect(target.api.anonymousActivity(trackingIdOf(visitor))).toEqual([]);
	});

	test('summary.redemptions and summary.validations count each customer’s calls exactly', () => {
		for (const visitor of visitors) {
			const { summary } = customers.get(trackingIdOf(visitor)) as CustomerBody;
			expect({ visitor, redemptions: summary.redemptions, validations: summary.validations }).toMatchObject({
				visitor,
				redemptions: { total_redeemed: REDEMPTIONS_PER_VISITOR, total_succeeded: REDEMPTIONS_PER_VISITOR, total_failed: 0 },
				validations: { total_succeeded: VALIDATIONS_PER_VISITOR, total_failed: 0 },
			});
		}
	});

	test('summary.orders adds up each customer’s order amounts', () => {
		for (const visitor of visitors) {
			const amounts = Array.from({ length: REDEMPTIONS_PER_VISITOR }, (_, redemption) => orderAmount(visitor, redemption));
			const total = amounts.reduce((sum, amount) => sum + amount, 0);
			const { orders } = (customers.get(trackingIdOf(visitor)) as CustomerBody).summary;
			expect({ visitor, total_count: orders.total_count, total_amount: orders.total_amount }).toEqual({ visitor, total_count: REDEMPTIONS_PER_VISITOR, total_amount: total });
		}
	});

	test('the voucher was redeemed exactly 200 times, so the next redemption exceeds its quantity', async () => {
		expect(target.api.getVoucher(VOUCHER)?.redemption.redeemed_quantity).toBe(VISITORS * REDEMPTIONS_PER_VISITOR);
		const extra = await serverCall(target, 'POST', `/vouchers/${VOUCHER}/redemption?tracking_id=track_one_too_many`, { body: { order: { amount: 1000 } } });
		expect(extra.body).toMatchObject({ key: 'quantity_exceeded' });
	});
});
