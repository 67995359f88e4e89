import { describe, expect, test } from 'vitest';
import { serverCall, TRANSPORTS, validate, type ActivityBody, type CustomerBody } from './support.js';

const CUSTOMER_ID = /^cust_[0-9A-Za-z]{24}$/;

describe.each(TRANSPORTS)('customers over $transport', ({ use }) => {
	const target = use();
	const create = (body: Record<string, unknown>) => serverCall<CustomerBody>(target, 'POST', '/customers', { body });

	test('POST /v1/customers creates a customer with a cust_ + 24 base62 id', async () => {
		const { status, body } = await create({ source_id: 'hank', name: 'Hank', email: 'hank@example.com', metadata: { tier: 'gold' } });
		expect(status).toBe(200);
		expect(body).toMatchObject({ object: 'customer', source_id: 'hank', name: 'Hank', metadata: { tier: 'gold' } });
		expect(body.id).toMatch(CUSTOMER_ID);
	});

	test('POST /v1/customers with a known source_id upserts the same customer', async () => {
		const first = await create({ source_id: 'ivy', name: 'Ivy', metadata: { a: 1 } });
		const second = await create({ source_id: 'ivy', email: 'ivy@example.com', metadata: { b: 2 } });
		expect(second.body).toMatchObject({ id: first.body.id, name: 'Ivy', email: 'ivy@example.com', metadata: { a: 1, b: 2 } });
		expect(target.api.snapshot().customers).toHaveLength(1);
	});

	test('POST /v1/customers with a known id upserts that customer, whatever source_id it names', async () => {
		const first = await create({ source_id: 'vera', name: 'Vera' });
		const second = await create({ id: first.body.id, source_id: 'someone-else', email: 'vera@example.com' });
		expect(second.body).toMatchObject({ id: first.body.id, source_id: 'vera', name: 'Vera', email: 'vera@example.com' });
		expect(target.api.snapshot().customers).toHaveLength(1);
	});

	test('a customer is found by id and by source_id, including a source_id with / and +', async () => {
		const { body } = await create({ source_id: 'track_a+b/c==' });
		expect((await serverCall(target, 'GET', `/customers/${body.id}`)).body.id).toBe(body.id);
		expect((await serverCall(target, 'GET', `/customers/${encodeURIComponent('track_a+b/c==')}`)).body.id).toBe(body.id);
	});

	test('PUT updates fields, and null clears one', async () => {
		await create({ source_id: 'jack', name: 'Jack', phone: '+48 600 000 000' });
		const { body } = await serverCall<CustomerBody & { phone: string | null }>(target, 'PUT', '/customers/jack', { body: { name: 'Jack R.', phone: null } });
		expect(body).toMatchObject({ source_id: 'jack', name: 'Jack R.', phone: null });
	});

	test('PUT to a source_id another customer has answers 400 duplicate_source_id', async () => {
		await create({ source_id: 'kate' });
		await create({ source_id: 'liam' });
		const { status, body } = await serverCall(target, 'PUT', '/customers/kate', { body: { source_id: 'liam' } });
		expect(status).toBe(400);
		expect(body.key).toBe('duplicate_source_id');
	});

	test('DELETE answers 204 and the customer is gone', async () => {
		await create({ source_id: 'mona' });
		expect((await serverCall(target, 'DELETE', '/customers/mona')).status).toBe(204);
		expect((await serverCall(target, 'GET', '/customers/mona')).status).toBe(404);
	});

	test('the list filters by email and pages, newest first', async () => {
		for (const name of ['nina', 'owen', 'pia']) await create({ source_id: name, email: `${name}@example.com` });
		const filtered = await serverCall<{ customers: CustomerBody[]; total: number }>(target, 'GET', '/customers?email=OWEN@example.com');
		expect(filtered.body.customers.map((customer) => customer.source_id)).toEqual(['owen']);
		const page = await serverCall<{ object: string; data_ref: string; customers: CustomerBody[]; total: number; has_more: boolean }>(target, 'GET', '/customers?limit=2&page=1');
		expect(page.body).toMatchObject({ object: 'list', data_ref: 'customers', total: 3, has_more: true });
		expect(page.body.customers.map((customer) => customer.source_id)).toEqual(['pia', 'owen']);
	});

	test('activity pages with has_more, newest first', async () => {
		for (const code of ['WELCOME10', 'SAVE5', 'EXPIRED']) await validate(target, { code, tracking_id: 'track_pager' });
		await serverCall(target, 'POST', '/vouchers/SAVE5/redemption?tracking_id=track_pager', { body: { order: { amount: 1000 } } });
		const page = await serverCall<{ data: ActivityBody[]; has_more: boolean }>(target, 'GET', '/customers/track_pager/activity?limit=2');
		expect(page.body.has_more).toBe(true);
		// The redemption created the customer (customer.created) and merged the three anonymous validations, older, before it.
		expect(page.body.data.map((entry) => entry.type)).toEqual(['customer.redemption.succeeded', 'customer.created']);
		const second = await serverCall<{ data: ActivityBody[]; has_more: boolean }>(target, 'GET', '/customers/track_pager/activity?limit=2&page=2');
		expect(second.body).toMatchObject({ has_more: true, data: [{ type: 'customer.validation.failed' }, { type: 'customer.validation.succeeded' }] });
		const rest = await serverCall<{ data: ActivityBody[]; has_more: boolean }>(target, 'GET', '/customers/track_pager/activity?limit=2&page=3');
		expect(rest.body).toMatchObject({ has_more: false, data: [{ type: 'customer.validation.succeeded' }] });
	});
});

describe.each(TRANSPORTS)('vouchers over $transport', ({ use }) => {
	const target = use();

	test('GET /v1/vouchers/{code} answers the voucher', async () => {
		const { body } = await serverCall(target, 'GET', '/vouchers/BIGSALE20');
		expect(body).toMatchObject({ object: 'voucher', code: 'BIGSALE20', type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 20, amount_limit: 1000 }, active: true });
	});

	test('POST /v1/vouchers/{code} creates a voucher that validates at once', async () => {
		const created = await serverCall(target, 'POST', '/vouchers/TEST25', { body: { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 25 }, redemption: { quantity: 3 }, metadata: { source: 'test' } } });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ code: 'TEST25', redemption: { quantity: 3, redeemed_quantity: 0 }, metadata: { source: 'test' } });
		expect((await validate(target, { code: 'TEST25', amount: 2000 })).body.order).toMatchObject({ discount_amount: 500 });
	});

	test('POST /v1/vouchers/{code} with a taken code answers 409 duplicate_found', async () => {
		const { status, body } = await serverCall(target, 'POST', '/vouchers/WELCOME10', { body: { discount: { type: 'AMOUNT', amount_off: 100 } } });
		expect(status).toBe(409);
		expect(body.key).toBe('duplicate_found');
	});

	test('POST /v1/vouchers generates a code', async () => {
		const { body } = await serverCall(target, 'POST', '/vouchers', { body: { gift: { amount: 2500 } } });
		expect(body).toMatchObject({ type: 'GIFT_VOUCHER', gift: { amount: 2500, balance: 2500 } });
		expect(body.code).toMatch(/^[A-Z2-9]{8}$/);
		expect((await serverCall(target, 'GET', `/vouchers/${String(body.code)}`)).status).toBe(200);
	});

	test('a voucher with dates in the past is created expired', async () => {
		await serverCall(target, 'POST', '/vouchers/OLD', { body: { discount: { type: 'AMOUNT', amount_off: 100 }, expiration_date: '2021-01-01T00:00:00Z' } });
		expect((await validate(target, { code: 'OLD' })).body).toMatchObject({ valid: false, error: { key: 'voucher_expired' } });
	});

	test('a voucher body without a discount answers 400 invalid_payload naming it', async () => {
		const { status, body } = await serverCall(target, 'POST', '/vouchers/BROKEN', { body: { type: 'DISCOUNT_VOUCHER' } });
		expect(status).toBe(400);
		expect(body).toMatchObject({ key: 'invalid_payload', details: expect.stringContaining('body.discount') });
	});

	test('an unknown voucher answers 404 not_found', async () => {
		const { status, body } = await serverCall(target, 'GET', '/vouchers/NOPE');
		expect(status).toBe(404);
		expect(body).toMatchObject({ key: 'not_found', resource_id: 'NOPE', resource_type: 'voucher' });
	});
});
