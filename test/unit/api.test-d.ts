import { describe, expectTypeOf, test } from 'vitest';
import {
	VoucherifyApiError,
	VoucherifyInvalidInputError,
	VoucherifyRateLimitError,
	VoucherifyTimeoutError,
	createClient,
	hashIdentity,
	isApiError,
	isRateLimitError,
	type ClientOptions,
	type Discount,
	type OrderSummary,
	type StackableParams,
	type StackableValidationResult,
	type ValidateParams,
	type ValidationResult,
	type VoucherifyClient,
} from '../../src/index.js';
import { readTrackingId, trackingCookie } from '../../src/server/index.js';

const client = createClient({ clientApplicationId: 'app', clientToken: 'token' });

describe('createClient', () => {
	test('returns a VoucherifyClient', () => {
		expectTypeOf(createClient).returns.toEqualTypeOf<VoucherifyClient>();
	});

	test('requires clientApplicationId', () => {
		expectTypeOf<ClientOptions['clientApplicationId']>().toEqualTypeOf<string>();
		// @ts-expect-error clientApplicationId is required
		createClient({ clientToken: 'token' });
	});

	test('requires the client token, as clientToken or as clientSecretKey', () => {
		createClient({ clientApplicationId: 'app', clientToken: 'token' });
		createClient({ clientApplicationId: 'app', clientSecretKey: 'token' });
		// @ts-expect-error one of clientToken and clientSecretKey is required
		createClient({ clientApplicationId: 'app' });
	});

	test('takes the tracking options with a typed consent', () => {
		createClient({ clientApplicationId: 'app', clientToken: 'token', tracking: { consent: 'pending', domain: '.shop.com', maxAgeDays: 30 } });
		// @ts-expect-error consent is 'granted' | 'pending' | 'denied'
		createClient({ clientApplicationId: 'app', clientToken: 'token', tracking: { consent: 'yes' } });
	});

	test('exposes the tracking id as string | undefined', () => {
		expectTypeOf(client.trackingId).toEqualTypeOf<string | undefined>();
	});
});

describe('validate', () => {
	test('accepts a code or ValidateParams and returns Promise<ValidationResult>', () => {
		expectTypeOf(client.validate).parameter(0).toEqualTypeOf<string | ValidateParams>();
		expectTypeOf(client.validate('CODE')).toEqualTypeOf<Promise<ValidationResult>>();
		expectTypeOf(client.validate({ code: 'CODE', amount: 1000, items: [{ sku_id: 's', quantity: 1 }] })).toEqualTypeOf<
			Promise<ValidationResult>
		>();
	});

	test('narrows on valid: discount and order when true, reason when false', async () => {
		const result = await client.validate('CODE');
		if (result.valid) {
			expectTypeOf(result.discount).toEqualTypeOf<Discount | null | undefined>();
			expectTypeOf(result.order).toEqualTypeOf<OrderSummary | undefined>();
			// @ts-expect-error a valid result has no reason
			void result.reason;
		} else {
			expectTypeOf(result.reason).toEqualTypeOf<string | undefined>();
			// @ts-expect-error an invalid result has no discount
			void result.discount;
		}
	});

	test('refuses an amount given as a string', () => {
		// @ts-expect-error amount is a number of minor units
		void client.validate({ code: 'CODE', amount: '1000' });
	});

	test('refuses a number as the code', () => {
		// @ts-expect-error the code is a string
		void client.validate(123);
	});

	test('takes an optional AbortSignal', () => {
		void client.validate('CODE', { signal: new AbortController().signal });
		// @ts-expect-error signal must be an AbortSignal
		void client.validate('CODE', { signal: true });
	});
});

describe('validateStackable', () => {
	test('requires redeemables', () => {
		expectTypeOf<StackableParams>().toHaveProperty('redeemables');
		// @ts-expect-error redeemables is required
		void client.validateStackable({ order: { amount: 1000 } });
	});

	test('returns Promise<StackableValidationResult>', () => {
		expectTypeOf(client.validateStackable({ redeemables: [{ object: 'voucher', id: 'CODE' }] })).toEqualTypeOf<
			Promise<StackableValidationResult>
		>();
	});

	test('refuses an unknown redeemable object', () => {
		// @ts-expect-error 'coupon' is not a redeemable object
		void client.validateStackable({ redeemables: [{ object: 'coupon', id: 'CODE' }] });
	});
});

describe('identity and hand-off', () => {
	test('setIdentity and hashIdentity return the hash as a string', () => {
		expectTypeOf(client.setIdentity).returns.toEqualTypeOf<string>();
		expectTypeOf(hashIdentity).returns.toEqualTypeOf<string>();
	});

	test('fillTrackingField takes a form and trackingHeaders returns a header record', () => {
		expectTypeOf(client.fillTrackingField).parameter(0).toEqualTypeOf<HTMLFormElement>();
		expectTypeOf(client.fillTrackingField).returns.toEqualTypeOf<HTMLInputElement | undefined>();
		expectTypeOf(client.trackingHeaders()).toEqualTypeOf<Record<string, string>>();
	});

	test('the server helper reads an id from a header string or array and builds a cookie string', () => {
		expectTypeOf(readTrackingId).returns.toEqualTypeOf<string | undefined>();
		expectTypeOf(readTrackingId).toBeCallableWith(['a=b', 'c=d']);
		expectTypeOf(trackingCookie).returns.toEqualTypeOf<string>();
	});
});

describe('errors', () => {
	test('VoucherifyApiError has status: number and key: string | undefined', () => {
		expectTypeOf<VoucherifyApiError['status']>().toEqualTypeOf<number>();
		expectTypeOf<VoucherifyApiError['key']>().toEqualTypeOf<string | undefined>();
		expectTypeOf<VoucherifyApiError['requestId']>().toEqualTypeOf<string | undefined>();
	});

	test('VoucherifyRateLimitError is an API error with retryAfter', () => {
		expectTypeOf<VoucherifyRateLimitError>().toExtend<VoucherifyApiError>();
		expectTypeOf<VoucherifyRateLimitError['retryAfter']>().toEqualTypeOf<number | undefined>();
	});

	test('VoucherifyInvalidInputError has field: string', () => {
		expectTypeOf<VoucherifyInvalidInputError['field']>().toEqualTypeOf<string>();
	});

	test('VoucherifyTimeoutError has timeout: number', () => {
		expectTypeOf<VoucherifyTimeoutError['timeout']>().toEqualTypeOf<number>();
	});

	test('the guards narrow unknown to the error class', () => {
		const error: unknown = new Error('x');
		if (isApiError(error)) expectTypeOf(error).toEqualTypeOf<VoucherifyApiError>();
		if (isRateLimitError(error)) expectTypeOf(error.retryAfter).toEqualTypeOf<number | undefined>();
	});
});
