import { describe, expect, test } from 'vitest';
import { clientCall, serverCall, TRANSPORTS, useHttpMock, validate, type ActivityBody, type CustomerBody, type MockTarget } from './support.js';

const CUSTOMER_ID = /^cust_[0-9A-Za-z]{24}$/;

/** Anonymous activity for a visitor: a failed validate, a successful one and an event. */
async function browseAnonymously(target: MockTarget, trackingId: string): Promise<void> {
	await validate(target, { code: 'EXPIRED', amount: 4000, tracking_id: trackingId });
	await validate(target, { code: 'WELCOME10', amount: 4000, tracking_id: trackingId });
	await clientCall(target, 'POST', '/events', { body: { event: 'viewed_cart', customer: { source_id: trackingId } } });
}

const activityOf = async (target: MockTarget, customer: string) =>
	(await serverCall<{ object: string; data_ref: string; data: ActivityBody[]; has_more: boolean }>(target, 'GET', `/customers/${encodeURIComponent(customer)}/activity?limit=100`)).body;

const customerOf = async (target: MockTarget, customer: string) => (await serverCall<CustomerBody>(target, 'GET', `/customers/${encodeURIComponent(customer)}`)).body;

const redeemByQuery = (target: MockTarget, trackingId: string, body: Record<string, unknown>, code = 'WELCOME10') =>
	serverCall(target, 'POST', `/vouchers/${code}/redemption?tracking_id=${encodeURIComponent(trackingId)}`, { body });

const redeemStack = (target: MockTarget, body: Record<string, unknown>) =>
	serverCall(target, 'POST', '/redemptions', { body: { redeemables: [{ object: 'voucher', id: 'WELCOME10' }], ...body } });

describe.each(TRANSPORTS)('merge on redeem over $transport', ({ use }) => {
	const target = use();

	test('a redemption with ?tracking_id=T creates a customer with source_id T and gives it T’s activity', async () => {
		const trackingId = 'track_Q+w/e==';
		await browseAnonymously(target, trackingId);
		const { status, body } = await redeemByQuery(target, trackingId, { customer: { name: 'Alice', email: 'alice@example.com' }, order: { amount: 4000 } });
		expect(status).toBe(200);
		expect(body).toMatchObject({ object: 'redemption', result: 'SUCCESS', tracking_id: trackingId, customer: { source_id: trackingId, name: 'Alice' } });
		expect(body.customer_id).toMatch(CUSTOMER_ID);
		expect(target.api.anonymousActivity(trackingId)).toEqual([]);
		const activity = await activityOf(target, String(body.customer_id));
		expect(activity).toMatchObject({ object: 'list', data_ref: 'data', has_more: false });
		// The redemption created the customer; T's anonymous activity, older, merges in after its customer.created.
		expect(activity.data.map((entry) => entry.type)).toEqual([
			'customer.redemption.succeeded',
			'customer.created',
			'customer.custom_event',
			'customer.validation.succeeded',
			'customer.validation.failed',
		]);
	});

	test('a redemption via /v1/redemptions with a body tracking_id merges into the customer named by source_id', async () => {
		const trackingId = 'track_stacked==';
		await browseAnonymously(target, trackingId);
		const { status, body } = await redeemStack(target, { tracking_id: trackingId, customer: { source_id: 'alice@example.com', email: 'alice@example.com' }, order: { amount: 4000 } });
		expect(status).toBe(200);
		const parent = body.parent_redemption as { customer_id: string; tracking_id: string; result: string };
		expect(parent).toMatchObject({ tracking_id: trackingId, result: 'SUCCESS' });
		expect(body.redemptions).toMatchObject([{ object: 'redemption', parent_redemption_id: expect.any(String), voucher: { code: 'WELCOME10' } }]);
		const customer = await customerOf(target, 'alice@example.com');
		expect(customer.id).toBe(parent.customer_id);
		expect(customer.source_id).toBe('alice@example.com');
		expect((await activityOf(target, customer.id)).data.map((entry) => entry.type)).toEqual([
			'customer.redemption.succeeded',
			'customer.created',
			'customer.custom_event',
			'customer.validation.succeeded',
			'customer.validation.failed',
		]);
	});

	test('customer.source_id = T alone (the SDK’s way) names the visitor', async () => {
		const trackingId = 'track_sourceonly';
		await browseAnonymously(target, trackingId);
		const { body } = await serverCall(target, 'POST', '/vouchers/SAVE5/redemption', { body: { customer: { source_id: trackingId }, order: { amount: 4000 } } });
		expect((await activityOf(target, String(body.customer_id))).data.map((entry) => entry.type)).toEqual([
			'customer.redemption.succeeded',
			'customer.created',
			'customer.custom_event',
			'customer.validation.succeeded',
			'customer.validation.failed',
		]);
	});

	test('the redemption updates summary.redemptions, summary.orders and the moved validation counts', async () => {
		const trackingId = 'track_summary';
		await browseAnonymously(target, trackingId);
		await redeemByQuery(target, trackingId, { order: { amount: 10_000 } });
		await redeemByQuery(target, trackingId, { order: { amount: 5000 } }, 'SAVE5');
		const { summary } = await customerOf(target, trackingId);
		expect(summary.redemptions).toMatchObject({ total_redeemed: 2, total_succeeded: 2, total_failed: 0 });
		expect(summary.orders).toMatchObject({ total_amount: 15_000, total_count: 2, average_amount: 7500, last_order_amount: 5000 });
		expect(summary.validations).toEqual({ total_succeeded: 1, total_failed: 1 });
	});

	test('activity moves exactly once: a second redemption with the same T finds the same customer and moves nothing more', async () => {
		const trackingId = 'track_twice';
		await browseAnonymously(target, trackingId);
		const first = await redeemByQuery(target, trackingId, { order: { amount: 1000 } });
		const second = await redeemByQuery(target, trackingId, { order: { amount: 1000 } });
		expect(second.body.customer_id).toBe(first.body.customer_id);
		const types = (await activityOf(target, String(first.body.customer_id))).data.map((entry) => entry.type);
		expect(types.filter((type) => type.startsWith('customer.validation'))).toHaveLength(2);
		expect(types.filter((type) => type === 'customer.redemption.succeeded')).toHaveLength(2);
	});

	test('client calls with T after the merge are recorded on the customer', async () => {
		const trackingId = 'track_after';
		const { body } = await redeemByQuery(target, trackingId, { order: { amount: 1000 } });
		await validate(target, { code: 'SAVE5', amount: 1000, tracking_id: trackingId });
		expect(target.api.anonymousActivity(trackingId)).toEqual([]);
		expect((await activityOf(target, String(body.customer_id))).data[0]?.type).toBe('customer.validation.succeeded');
	});

	test('customer.id wins over source_id and T', async () => {
		const existing = await serverCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: 'carol', name: 'Carol' } });
		const { body } = await redeemByQuery(target, 'track_carol', { customer: { id: existing.body.id, source_id: 'someone-else' }, order: { amount: 1000 } });
		expect(body.customer_id).toBe(existing.body.id);
		expect(target.api.getCustomer('someone-else')).toBeUndefined();
	});

	test('an existing customer is upserted and keeps its source_id', async () => {
		const existing = await serverCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: 'bob', name: 'Robert' } });
		const { body } = await redeemByQuery(target, 'track_bob', { customer: { source_id: 'bob', name: 'Bob', email: 'bob@example.com' }, order: { amount: 1000 } });
		expect(body.customer_id).toBe(existing.body.id);
		expect(await customerOf(target, 'bob')).toMatchObject({ id: existing.body.id, source_id: 'bob', name: 'Bob', email: 'bob@example.com' });
	});

	test('the customer owning T is found without naming it again', async () => {
		const first = await redeemStack(target, { tracking_id: 'track_known', customer: { source_id: 'dana' }, order: { amount: 1000 } });
		const again = await redeemByQuery(target, 'track_known', { order: { amount: 1000 } });
		expect(again.body.customer_id).toBe((first.body.parent_redemption as { customer_id: string }).customer_id);
		expect(target.api.snapshot().customers.map((customer) => customer.source_id)).toEqual(['dana']);
	});

	test('T owned by one customer while the request names another: 400 ambiguous_tracking_id and nothing changes', async () => {
		await redeemStack(target, { tracking_id: 'track_shared', customer: { source_id: 'erin' }, order: { amount: 1000 } });
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'frank' } });
		await validate(target, { code: 'SAVE5', tracking_id: 'track_shared' });
		const before = target.api.snapshot();
		const { status, body } = await redeemByQuery(target, 'track_shared', { customer: { source_id: 'frank' }, order: { amount: 1000 } });
		expect(status).toBe(400);
		expect(body).toMatchObject({ code: 400, key: 'ambiguous_tracking_id' });
		expect(target.api.snapshot()).toEqual(before);
	});

	test('a redemption of an unknown code fails with 404 and creates and moves nothing', async () => {
		const trackingId = 'track_unlucky';
		await browseAnonymously(target, trackingId);
		const { status, body } = await redeemByQuery(target, trackingId, { customer: { email: 'x@example.com' }, order: { amount: 1000 } }, 'NOSUCHCODE');
		expect(status).toBe(404);
		expect(body).toMatchObject({ code: 404, key: 'not_found', resource_id: 'NOSUCHCODE', resource_type: 'voucher' });
		expect(target.api.snapshot().customers).toEqual([]);
		expect(target.api.anonymousActivity(trackingId).map((activity) => activity.type)).toEqual([
			'customer.validation.failed',
			'customer.validation.succeeded',
			'customer.custom_event',
			'customer.redemption.failed',
		]);
	});

	test('a redemption past the limit fails with quantity_exceeded and creates no customer', async () => {
		await redeemByQuery(target, 'track_first', { order: { amount: 2000 } }, 'LASTONE');
		const customersBefore = target.api.snapshot().customers;
		const { status, body } = await redeemByQuery(target, 'track_second', { order: { amount: 2000 } }, 'LASTONE');
		expect(status).toBe(400);
		expect(body.key).toBe('quantity_exceeded');
		expect(target.api.snapshot().customers).toEqual(customersBefore);
		expect(target.api.getVoucher('LASTONE')?.redemption.redeemed_quantity).toBe(1);
	});

	test('a gift card redemption spends the balance and counts the credits', async () => {
		const { body } = await redeemByQuery(target, 'track_gift', { order: { amount: 3000 } }, 'GIFT50');
		expect(body).toMatchObject({ amount: 3000, voucher: { gift: { balance: 2000 } }, order: { total_amount: 0 } });
		expect((await customerOf(target, 'track_gift')).summary.redemptions.gift.redeemed_amount).toBe(3000);
	});

	test('a gift card redemption without an order amount is refused with missing_amount', async () => {
		const { status, body } = await redeemByQuery(target, 'track_noamount', {}, 'GIFT50');
		expect(status).toBe(400);
		expect(body.key).toBe('missing_amount');
		expect(target.api.getVoucher('GIFT50')?.gift?.balance).toBe(5000);
	});

	test('consents given anonymously move onto the customer', async () => {
		const consent = await clientCall(target, 'PUT', '/customers/track_consenting/consents', { body: { cnst_newsletter: true } });
		expect(consent.status).toBe(204);
		await redeemByQuery(target, 'track_consenting', { customer: { source_id: 'gina' }, order: { amount: 1000 } });
		expect((await customerOf(target, 'gina')).system_metadata.consents.cnst_newsletter).toMatchObject({ value: true });
	});

	test('codes published to the visitor are listed for the customer it merges into', async () => {
		const published = await clientCall(target, 'POST', '/publish?campaign=Welcome%20Codes', { body: { customer: { source_id: 'track_published' } } });
		const code = (published.body.voucher as { code: string }).code;
		const redemption = await redeemByQuery(target, 'track_published', { customer: { source_id: 'hana' }, order: { amount: 1000 } }, 'SAVE5');
		const codesListedFor = async (customer: string) =>
			((await clientCall(target, 'GET', `/vouchers?customer=${encodeURIComponent(customer)}`)).body.vouchers as { code: string }[]).map((voucher) => voucher.code);
		expect(await codesListedFor('hana')).toEqual([code]);
		expect(await codesListedFor(String(redemption.body.customer_id))).toEqual([code]);
		expect(await codesListedFor('track_published')).toEqual([code]);
		expect(target.api.getVoucher(code)?.holder_id).toBe(redemption.body.customer_id);
	});
});

describe('concurrent redemptions over real HTTP', () => {
	const target = useHttpMock();

	test('50 concurrent redemptions with one new tracking id create exactly one customer', async () => {
		const trackingId = 'track_rush+/==';
		await validate(target, { code: 'WELCOME10', amount: 1000, tracking_id: trackingId });
		const answers = await Promise.all(
			Array.from({ length: 50 }, (_, index) =>
				index % 2 === 0
					? redeemByQuery(target, trackingId, { customer: { email: 'rush@example.com' }, order: { amount: 1000 } })
					: redeemStack(target, { tracking_id: trackingId, order: { amount: 1000 } }),
			),
		);
		expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
		const customers = await serverCall<{ total: number; customers: CustomerBody[] }>(target, 'GET', '/customers?limit=100');
		expect(customers.body.total).toBe(1);
		const [customer] = customers.body.customers;
		expect(customer).toMatchObject({ source_id: trackingId, summary: { redemptions: { total_succeeded: 50 }, orders: { total_count: 50 }, validations: { total_succeeded: 1 } } });
		const customerIds = answers.map(({ body }) => body.customer_id ?? (body.parent_redemption as { customer_id: string }).customer_id);
		expect(new Set(customerIds)).toEqual(new Set([customer?.id]));
	});
});
