import { describe, expect, test } from 'vitest';
import { clientCall, TRANSPORTS, validate } from './support.js';

/** `track_` + standard base64 of 16 bytes: 22 characters and `==`. */
const GENERATED_TRACKING_ID = /^track_[A-Za-z0-9+/]{22}==$/;
const SHA256_HEX = 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c';

describe.each(TRANSPORTS)('tracking ids over $transport', ({ use }) => {
	const target = use();

	test('a validate without a tracking id gets a generated track_ + base64 id', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', amount: 1000 });
		expect(body.tracking_id).toMatch(GENERATED_TRACKING_ID);
	});

	test('every anonymous first call gets its own tracking id', async () => {
		const answers = await Promise.all([1, 2, 3].map(() => validate(target, { code: 'SAVE5', amount: 1000 })));
		expect(new Set(answers.map(({ body }) => body.tracking_id)).size).toBe(3);
	});

	test('generated ids with +, / and = round-trip unchanged through the query and the body', async () => {
		const wanted = new Map<string, string>();
		for (let attempt = 0; attempt < 200 && wanted.size < 2; attempt += 1) {
			const id = String((await validate(target, { code: 'WELCOME10' })).body.tracking_id);
			for (const character of ['+', '/']) if (id.includes(character) && !wanted.has(character)) wanted.set(character, id);
		}
		expect([...wanted.keys()].sort()).toEqual(['+', '/']);
		for (const id of wanted.values()) {
			expect(id.endsWith('==')).toBe(true);
			expect((await validate(target, { code: 'WELCOME10', tracking_id: id })).body.tracking_id).toBe(id);
			const stacked = await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], order: { amount: 1000 }, tracking_id: id } });
			expect(stacked.body.tracking_id).toBe(id);
		}
	});

	test('an id with literal = and encoded + and / is read exactly', async () => {
		const { body } = await clientCall(target, 'GET', '/validate?code=WELCOME10&tracking_id=track_ab%2Bc%2Fd==');
		expect(body.tracking_id).toBe('track_ab+c/d==');
	});

	test('a 64-hex SHA-256 identity hash is accepted as a tracking id', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', tracking_id: SHA256_HEX });
		expect(body.tracking_id).toBe(SHA256_HEX);
		expect(target.api.anonymousActivity(SHA256_HEX)).toHaveLength(1);
	});

	test('customer[source_id] names the visitor when no tracking id is sent', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', 'customer[source_id]': 'visitor-7' });
		expect(body.tracking_id).toBe('visitor-7');
	});

	test('the customer=<string> shortcut names the visitor too', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', customer: 'visitor-8' });
		expect(body.tracking_id).toBe('visitor-8');
	});

	test('a tracking id wins over customer[source_id]', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', tracking_id: 'track_first', 'customer[source_id]': 'visitor-9' });
		expect(body.tracking_id).toBe('track_first');
	});

	test('qualifications and list calls answer with the tracking id too', async () => {
		const qualification = await clientCall(target, 'POST', '/qualifications', { body: { order: { amount: 6000 } } });
		const tiers = await clientCall(target, 'GET', '/promotions/tiers?tracking_id=track_listed');
		expect(qualification.body.tracking_id).toMatch(GENERATED_TRACKING_ID);
		expect(tiers.body.tracking_id).toBe('track_listed');
	});
});

describe.each(TRANSPORTS)('anonymous activity over $transport', ({ use }) => {
	const target = use();

	test('the very first validate is recorded under the tracking id the API generated', async () => {
		const { body } = await validate(target, { code: 'WELCOME10', amount: 2500 });
		const [activity] = target.api.anonymousActivity(String(body.tracking_id));
		expect(activity).toMatchObject({
			type: 'customer.validation.succeeded',
			data: { tracking_id: body.tracking_id, result: 'SUCCESS', redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 2500, total_amount: 2250 } },
		});
		expect(activity?.id).toMatch(/^evcus_/);
	});

	test('failed validations are recorded with their reason', async () => {
		await validate(target, { code: 'EXPIRED', amount: 100, tracking_id: 'track_failing' });
		expect(target.api.anonymousActivity('track_failing')).toMatchObject([{ type: 'customer.validation.failed', data: { result: 'FAILURE', reason: 'voucher expired' } }]);
	});

	test('validations, stacked validations, promotions and events all land under one tracking id, in order', async () => {
		const trackingId = 'track_busy';
		await validate(target, { code: 'WELCOME10', tracking_id: trackingId });
		await clientCall(target, 'POST', '/validations', { body: { redeemables: [{ object: 'voucher', id: 'SAVE5' }], tracking_id: trackingId } });
		await clientCall(target, 'GET', `/promotions/validation?amount=6000&tracking_id=${trackingId}`);
		await clientCall(target, 'POST', '/events', { body: { event: 'viewed_cart', customer: { source_id: trackingId }, metadata: { items: 2 } } });
		expect(target.api.anonymousActivity(trackingId).map((activity) => activity.type)).toEqual([
			'customer.validation.succeeded',
			'customer.validation.succeeded',
			'customer.validation.succeeded',
			'customer.custom_event',
		]);
	});

	test('an event from an unknown visitor creates no customer', async () => {
		const { body } = await clientCall(target, 'POST', '/events', { body: { event: 'signed_up', customer: { source_id: 'track_newcomer' } } });
		expect(body).toMatchObject({ object: 'event', type: 'signed_up', customer: { id: null, source_id: 'track_newcomer' }, tracking_id: 'track_newcomer' });
		expect(target.api.getCustomer('track_newcomer')).toBeUndefined();
		expect(target.api.anonymousActivity('track_newcomer')).toMatchObject([{ type: 'customer.custom_event', data: { event: 'signed_up' } }]);
	});
});
