import { describe, expect, test } from 'vitest';
import type { StackableParams } from '../../src/index.js';
import {
	CLIENT_V1,
	SHOP_SOURCE_ID,
	TRACKING_ID,
	expectApiError,
	expectInvalidInput,
	jsonOf,
	makeClient,
	makeKnownVisitor,
	onlyRequest,
	useMockApi,
} from './support/mock-api.js';

/** validate, validateStackable and qualifications against the mock API: exact requests, identity, answers, errors. */

const encoded = (trackingId: string) => encodeURIComponent(trackingId);

useMockApi();

describe('validate', () => {
	test('sends POST /client/v1/validations with the code and amount and no tracking_id on a first visit, and keeps the id the API answers', async () => {
		const client = makeClient();
		const result = await client.validate({ code: 'WELCOME10', amount: 20_000 });

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/validations`);
		expect(await jsonOf(onlyRequest())).toEqual({ redeemables: [{ object: 'voucher', id: 'WELCOME10' }], order: { amount: 20_000 }, options: { expand: ['redeemable'] } });
		expect(result.tracking_id).toMatch(TRACKING_ID);
		expect(client.trackingId).toBe(result.tracking_id);
	});

	test('answers valid with the discount and the order totals: 10% of 200.00 is 20.00', async () => {
		const result = await makeClient().validate({ code: 'WELCOME10', amount: 20_000 });

		expect(result).toMatchObject({
			valid: true,
			code: 'WELCOME10',
			discount: { type: 'PERCENT', percent_off: 10 },
			order: { amount: 20_000, total_discount_amount: 2000, total_amount: 18_000 },
		});
	});

	test('sends the stored tracking id as the body tracking_id, exactly', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.validate('SAVE5');

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/validations`);
		expect(await jsonOf(onlyRequest())).toMatchObject({ tracking_id: trackingId });
	});

	test('keeps the tracking_id beside a customer source_id the caller gives', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.validate({ code: 'SAVE5', customer: SHOP_SOURCE_ID });

		expect(await jsonOf(onlyRequest())).toMatchObject({ tracking_id: trackingId, customer: { source_id: SHOP_SOURCE_ID } });
	});

	test('sends a promotions validation (no code) as GET /client/v1/promotions/validation with the tracking_id query, percent-encoded', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.validate({ amount: 20_000 });

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/promotions/validation?amount=20000&tracking_id=${encoded(trackingId)}`);
	});

	test('resolves an unknown code as { valid: false, reason }, not an error', async () => {
		const result = await makeClient().validate('NO-SUCH-CODE');

		expect(result).toMatchObject({ valid: false, code: 'NO-SUCH-CODE', reason: 'voucher not found' });
	});

	test('resolves an expired code as { valid: false, reason: "voucher expired" }', async () => {
		expect(await makeClient().validate('EXPIRED')).toMatchObject({ valid: false, reason: 'voucher expired' });
	});

	test('validates promotions with GET /client/v1/promotions/validation when there is no code', async () => {
		const result = await makeClient().validate({ amount: 20_000 });

		expect(onlyRequest().url.href).toBe(`${CLIENT_V1}/promotions/validation?amount=20000`);
		expect(result.valid).toBe(true);
		expect(result.valid && result.promotions?.map((promotion) => promotion.id)).toEqual(['promo_tier_5off', 'promo_tier_10off']);
	});

	test.each([
		['an empty code', () => makeClient().validate(''), 'code'],
		['a blank code', () => makeClient().validate({ code: '   ' }), 'code'],
		['a negative amount', () => makeClient().validate({ code: 'WELCOME10', amount: -1 }), 'amount'],
		['a fractional amount', () => makeClient().validate({ code: 'WELCOME10', amount: 49.99 }), 'amount'],
		['a tracking_id of its own', () => makeClient().validate({ code: 'WELCOME10', tracking_id: 'track_x' } as never), 'tracking_id'],
		['nothing at all', () => makeClient().validate(undefined as never), 'params'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, run, field) => {
		await expectInvalidInput(run, field);
	});
});

describe('validateStackable', () => {
	const PARAMS: StackableParams = {
		redeemables: [
			{ object: 'voucher', id: 'WELCOME10' },
			{ object: 'voucher', id: 'SAVE5' },
		],
		order: { amount: 20_000 },
	};

	test('posts the params as JSON to /client/v1/validations, with no tracking_id on a first visit', async () => {
		const client = makeClient();
		const result = await client.validateStackable(PARAMS);
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/validations`);
		expect(await jsonOf(request)).toEqual(PARAMS);
		expect(client.trackingId).toBe(result.tracking_id);
		expect(client.trackingId).toMatch(TRACKING_ID);
	});

	test('adds the stored tracking id as the body tracking_id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.validateStackable(PARAMS);

		expect(await jsonOf(onlyRequest())).toEqual({ ...PARAMS, tracking_id: trackingId });
	});

	test("sends the caller's customer.source_id unchanged beside the tracking_id", async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.validateStackable({ ...PARAMS, customer: { source_id: SHOP_SOURCE_ID } });

		expect(await jsonOf(onlyRequest())).toEqual({ ...PARAMS, customer: { source_id: SHOP_SOURCE_ID }, tracking_id: trackingId });
	});

	test('answers each redeemable APPLICABLE with its result, and the order with both discounts', async () => {
		const result = await makeClient().validateStackable(PARAMS);

		expect(result.valid).toBe(true);
		expect(result.redeemables.map(({ id, status }) => [id, status])).toEqual([
			['WELCOME10', 'APPLICABLE'],
			['SAVE5', 'APPLICABLE'],
		]);
		expect(result.redeemables[1]?.result?.discount).toEqual({ type: 'AMOUNT', amount_off: 500 });
		// 10% of 200.00 is 20.00, plus 5.00 off: 25.00.
		expect(result.order).toMatchObject({ amount: 20_000, total_discount_amount: 2500, total_amount: 17_500 });
	});

	test('answers valid: false with the INAPPLICABLE redeemable when one code is expired, not an error', async () => {
		const result = await makeClient().validateStackable({ ...PARAMS, redeemables: [{ object: 'voucher', id: 'EXPIRED' }, ...PARAMS.redeemables] });

		expect(result.valid).toBe(false);
		expect(result.inapplicable_redeemables?.map(({ id }) => id)).toEqual(['EXPIRED']);
		expect(result.skipped_redeemables?.map(({ id }) => id)).toEqual(['WELCOME10', 'SAVE5']);
	});

	test('rejects with VoucherifyApiError 400 invalid_payload when the same code is stacked twice', async () => {
		await expectApiError(
			makeClient().validateStackable({ redeemables: [{ object: 'voucher', id: 'SAVE5' }, { object: 'voucher', id: 'SAVE5' }] }),
			400,
			'invalid_payload',
		);
	});

	test.each([
		['no redeemables', { redeemables: [] }, 'redeemables'],
		['a redeemable of an unknown kind', { redeemables: [{ object: 'coupon', id: 'SAVE5' }] }, 'redeemables[0]'],
		['an empty code', { redeemables: [{ object: 'voucher', id: '' }] }, 'redeemables[0].id'],
		['a tracking_id in the body', { ...PARAMS, tracking_id: 'track_mine' }, 'tracking_id'],
		['a negative order amount', { ...PARAMS, order: { amount: -1 } }, 'order.amount'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, params, field) => {
		await expectInvalidInput(() => makeClient().validateStackable(params as StackableParams), field);
	});
});

describe('qualifications', () => {
	test('posts the params to /client/v1/qualifications, with no tracking_id on a first visit', async () => {
		const client = makeClient();
		const result = await client.qualifications({ order: { amount: 20_000 } });
		const request = onlyRequest();

		expect(request.method).toBe('POST');
		expect(request.url.href).toBe(`${CLIENT_V1}/qualifications`);
		expect(await jsonOf(request)).toEqual({ order: { amount: 20_000 } });
		expect(client.trackingId).toBe(result.tracking_id);
	});

	test('adds the stored tracking id as the body tracking_id', async () => {
		const { client, trackingId } = await makeKnownVisitor();
		await client.qualifications({ order: { amount: 20_000 }, scenario: 'ALL' });

		expect(await jsonOf(onlyRequest())).toEqual({ order: { amount: 20_000 }, scenario: 'ALL', tracking_id: trackingId });
	});

	test('answers the promotion tiers a 200.00 order qualifies for', async () => {
		const result = await makeClient().qualifications({ order: { amount: 20_000 } });

		expect(result.redeemables.data.map(({ id, object }) => [object, id])).toEqual([
			['promotion_tier', 'promo_tier_5off'],
			['promotion_tier', 'promo_tier_10off'],
		]);
		expect(result.redeemables).toMatchObject({ object: 'list', total: 2, has_more: false });
	});

	test('includes a code published to the visitor, found by the tracking id it sends', async () => {
		const { client } = await makeKnownVisitor();
		const { voucher } = await client.publish('Welcome Codes');
		const result = await client.qualifications({ order: { amount: 20_000 } });

		expect(result.redeemables.data.map(({ id }) => id)).toContain(voucher.code);
	});

	test('rejects with VoucherifyApiError 401 unauthorized when the client keys are wrong', async () => {
		await expectApiError(makeClient({ clientToken: 'not-the-token' }).qualifications({ order: { amount: 20_000 } }), 401, 'unauthorized');
	});

	test.each([
		['a tracking_id in the body', { tracking_id: 'track_mine' }, 'tracking_id'],
		['a fractional order amount', { order: { amount: 10.5 } }, 'order.amount'],
		['an empty customer source_id', { customer: { source_id: '' } }, 'customer.source_id'],
		['params that are not an object', 'ALL', 'params'],
	])('rejects %s with VoucherifyInvalidInputError and sends nothing', async (_, params, field) => {
		await expectInvalidInput(() => makeClient().qualifications(params as never), field);
	});
});
