import { describe, expect, test } from 'vitest';
import { clientCall, serverCall, TRANSPORTS, validate, type CustomerBody } from './support.js';

describe.each(TRANSPORTS)('publications and the vouchers list over $transport', ({ use }) => {
	const target = use();
	const publish = (campaign: string, body: Record<string, unknown>) => clientCall(target, 'POST', `/publish?campaign=${encodeURIComponent(campaign)}`, { body });

	test('publishing from Welcome Codes gives the visitor a fresh single-use code', async () => {
		const { status, body } = await publish('Welcome Codes', { customer: { source_id: 'track_pub' }, channel: 'voucherify-browser' });
		expect(status).toBe(200);
		expect(body).toMatchObject({ object: 'publication', result: 'SUCCESS', tracking_id: 'track_pub', channel: 'voucherify-browser', customer: { id: null, source_id: 'track_pub' } });
		const voucher = body.voucher as { code: string; campaign: string; redemption: { quantity: number } };
		expect(voucher).toMatchObject({ campaign: 'Welcome Codes', redemption: { quantity: 1 } });
		expect(voucher.code).toMatch(/^WELCOME-[A-Z2-9]{8}$/);
		expect((await validate(target, { code: voucher.code, amount: 2000 })).body.order).toMatchObject({ discount_amount: 300 });
	});

	test('the vouchers list filtered by customer shows the codes published to that visitor', async () => {
		const published = await publish('Welcome Codes', { customer: { source_id: 'track_lister' } });
		await publish('Welcome Codes', { customer: { source_id: 'track_other' } });
		const { body } = await clientCall(target, 'GET', '/vouchers?customer=track_lister');
		expect(body).toMatchObject({ object: 'list', data_ref: 'vouchers', total: 1, vouchers: [{ code: (published.body.voucher as { code: string }).code }] });
	});

	test('the vouchers list filters by category and pages', async () => {
		const { body } = await clientCall(target, 'GET', '/vouchers?category=welcome&limit=5');
		expect((body.vouchers as Array<{ code: string }>).map((voucher) => voucher.code)).toEqual(['WELCOME10']);
		const page = await clientCall(target, 'GET', '/vouchers?limit=2&page=1');
		expect(page.body).toMatchObject({ total: 9, has_more: true });
	});

	test('publishing from an unknown campaign answers 404', async () => {
		expect((await publish('Nope', {})).status).toBe(404);
	});

	test('publishing from a promotion campaign answers 400 campaign_not_publishable', async () => {
		const { status, body } = await publish('Spring Promotions', {});
		expect(status).toBe(400);
		expect(body.key).toBe('campaign_not_publishable');
	});

	test('qualifications list the tiers the order meets and the codes the visitor holds', async () => {
		const published = await publish('Welcome Codes', { customer: { source_id: 'track_qualified' } });
		const { body } = await clientCall(target, 'POST', '/qualifications', { body: { tracking_id: 'track_qualified', order: { amount: 6000 } } });
		const ids = (body.redeemables as { data: Array<{ id: string }> }).data.map((redeemable) => redeemable.id);
		expect(ids).toEqual(['promo_tier_5off', (published.body.voucher as { code: string }).code]);
		expect(body.tracking_id).toBe('track_qualified');
	});
});

describe.each(TRANSPORTS)('client redemption, events, customers and consents over $transport', ({ use }) => {
	const target = use();

	test('POST /client/v1/redeem creates the customer named by customer.source_id and merges its activity', async () => {
		await validate(target, { code: 'SAVE5', tracking_id: 'track_clientside' });
		const { status, body } = await clientCall(target, 'POST', '/redeem?code=SAVE5', { body: { customer: { source_id: 'track_clientside' }, order: { amount: 2000 } } });
		expect(status).toBe(200);
		expect(body).toMatchObject({ result: 'SUCCESS', tracking_id: 'track_clientside', channel: { channel_type: 'CLIENT_API' }, customer: { source_id: 'track_clientside' } });
		expect(target.api.getCustomer('track_clientside')?.summary.validations.total_succeeded).toBe(1);
	});

	test('POST /client/v1/redeem ignores a body tracking_id', async () => {
		const { body } = await clientCall(target, 'POST', '/redeem?code=SAVE5', { body: { tracking_id: 'track_ignored', order: { amount: 2000 } } });
		expect(body.tracking_id).not.toBe('track_ignored');
		expect(body.tracking_id).toMatch(/^track_/);
	});

	test('POST /client/v1/redemptions redeems a stack for the body tracking_id', async () => {
		const { status, body } = await clientCall(target, 'POST', '/redemptions', {
			body: { redeemables: [{ object: 'voucher', id: 'WELCOME10' }, { object: 'promotion_tier', id: 'promo_tier_5off' }], order: { amount: 10_000 }, tracking_id: 'track_stack' },
		});
		expect(status).toBe(200);
		expect(body).toMatchObject({ tracking_id: 'track_stack', order: { total_discount_amount: 1450, total_amount: 8550 } });
		expect(body.redemptions).toHaveLength(2);
	});

	test('an event without a name answers 400 invalid_payload', async () => {
		const { status, body } = await clientCall(target, 'POST', '/events', { body: { customer: { source_id: 'track_x' } } });
		expect(status).toBe(400);
		expect(body).toMatchObject({ key: 'invalid_payload', details: expect.stringContaining('event') });
	});

	test('an event for a known customer lands on that customer', async () => {
		const created = await serverCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: 'quinn' } });
		await clientCall(target, 'POST', '/events', { body: { event: 'logged_in', customer: { id: created.body.id } } });
		const activity = await serverCall<{ data: Array<{ type: string }> }>(target, 'GET', '/customers/quinn/activity');
		// Newest first: the event after the customer.created of POST /v1/customers.
		expect(activity.body.data.map((entry) => entry.type)).toEqual(['customer.custom_event', 'customer.created']);
	});

	test('POST /client/v1/customers upserts by source_id and answers the tracking id', async () => {
		const headers = { 'X-Voucherify-Double-Opt-In': 'true' };
		const first = await clientCall<CustomerBody & { tracking_id: string }>(target, 'POST', '/customers', { body: { source_id: 'track_signup', email: 'rita@example.com' }, headers });
		const second = await clientCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: 'track_signup', name: 'Rita' } });
		expect(first.body).toMatchObject({ source_id: 'track_signup', email: 'rita@example.com', tracking_id: 'track_signup' });
		expect(second.body).toMatchObject({ id: first.body.id, name: 'Rita', email: 'rita@example.com' });
	});

	test('POST /client/v1/customers without a source_id names the customer by a new tracking id', async () => {
		const { body } = await clientCall<CustomerBody & { tracking_id: string }>(target, 'POST', '/customers', { body: { name: 'Sam' } });
		expect(body.tracking_id).toMatch(/^track_/);
		expect(body.source_id).toBe(body.tracking_id);
	});

	test('POST /client/v1/customers with a known id updates that customer and keeps its source_id', async () => {
		const created = await serverCall<CustomerBody>(target, 'POST', '/customers', { body: { source_id: 'uma', name: 'Uma' } });
		const { body } = await clientCall<CustomerBody & { tracking_id: string }>(target, 'POST', '/customers', {
			body: { id: created.body.id, email: 'uma@example.com' },
		});
		expect(body).toMatchObject({ id: created.body.id, source_id: 'uma', name: 'Uma', email: 'uma@example.com', tracking_id: 'uma' });
		expect(target.api.snapshot().customers).toHaveLength(1);
	});

	test('POST /client/v1/customers with an unknown id answers 404 not_found and creates nobody', async () => {
		const { status, body } = await clientCall(target, 'POST', '/customers', { body: { id: 'cust_000000000000000000000404', name: 'Ghost' } });
		expect(status).toBe(404);
		expect(body).toMatchObject({ key: 'not_found' });
		expect(target.api.snapshot().customers).toHaveLength(0);
	});

	test('consents are listed', async () => {
		const { body } = await clientCall(target, 'GET', '/consents');
		expect(body).toMatchObject({ groups: { total: 0 }, consents: { object: 'list', total: 2, data: [{ id: 'cnst_newsletter' }, { id: 'cnst_sms' }] } });
	});

	test('PUT consents for a customer answers 204 and stores them', async () => {
		await serverCall(target, 'POST', '/customers', { body: { source_id: 'tess' } });
		const { status } = await clientCall(target, 'PUT', '/customers/tess/consents', { body: { cnst_sms: true, unsubscribed: false } });
		expect(status).toBe(204);
		expect(target.api.getCustomer('tess')?.system_metadata.consents).toMatchObject({ cnst_sms: { value: true }, unsubscribed: { value: false } });
	});

	test('PUT consents with a non-boolean answers 400 invalid_payload', async () => {
		const { status, body } = await clientCall(target, 'PUT', '/customers/tess/consents', { body: { cnst_sms: 'yes' } });
		expect(status).toBe(400);
		expect(body.key).toBe('invalid_payload');
	});

	test('PUT consents with an unknown consent id answers 400 invalid_payload', async () => {
		const { status, body } = await clientCall(target, 'PUT', '/customers/tess/consents', { body: { cnst_unknown: true } });
		expect(status).toBe(400);
		expect(body.details).toContain('cnst_unknown');
	});
});
