import { describe, expectTypeOf, test } from 'vitest';
import type {
	ConsentList,
	Customer,
	PromotionTierList,
	PublicationResult,
	QualificationsResult,
	RedemptionResult,
	SessionTtlUnit,
	StackableRedemptionResult,
	StackableValidationResult,
	TrackedEvent,
	ValidationResult,
	VoucherList,
} from '../../src/index.js';
import type { PromotionTier } from '../../src/mock/domain/vouchers/campaigns.js';
import type { MockCore } from '../../src/mock/domain/mock-core.js';
import type { RedeemableFailure } from '../../src/mock/domain/shared/errors.js';
import type { OrderSummary } from '../../src/mock/domain/orders/order-summary.js';
import type { Page } from '../../src/mock/domain/shared/paging.js';
import type { ProductList } from '../../src/mock/domain/validations/redeemable-view.js';
import type { openSession } from '../../src/mock/domain/validations/session.js';
import type { presentStack } from '../../src/mock/domain/validations/validation.js';
import type { Voucher } from '../../src/mock/domain/vouchers/voucher.js';

/**
Every answer of the mock's client routes (src/mock/http/routes/) must fit the SDK's result type for that call:
a field the SDK types as `string | undefined` while the API sends `null` fails here.
*/

/**
What a client receives for a mock view: JSON has no readonly arrays. Two fields are narrowed to what a client typed by
these types gets back: the mock echoes an item's `related_object` as sent (`OrderItem` allows only 'product' or 'sku'),
and its `Session` view types `ttl_unit` as a string although its reader (src/mock/input/session.ts) accepts only the units.
*/
type Received<T> = T extends readonly (infer U)[]
	? Received<U>[]
	: T extends object
		? Narrowed<{ -readonly [K in keyof T]: Received<T[K]> }>
		: T;
type Narrowed<T> = string extends keyof T
	? T
	: 'related_object' extends keyof T
		? Omit<T, 'related_object'> & { related_object?: 'product' | 'sku' }
		: 'ttl_unit' extends keyof T
			? Omit<T, 'ttl_unit'> & { ttl_unit: SessionTtlUnit }
			: T;

/** The mock builds its lists as untyped literals, so `object` and `data_ref` are inferred as string; these literals are what it sends. */
type AsList<T, Ref extends string = 'data'> = Omit<T, 'object' | 'data_ref'> & { object: 'list'; data_ref: Ref };
type PageAnswer<Ref extends string, P extends Page<unknown>> = AsList<{ total: number; has_more: boolean; tracking_id: string } & Record<Ref, P['items']>, Ref>;

type Session = ReturnType<typeof openSession>;

/** `validateVoucher` (src/mock/domain/validations/validation.ts) is declared to return `Record<string, unknown>`; this is the object it builds. */
type CodeValidationAnswer =
	| ({
			valid: true;
			code: string;
			campaign: Voucher['campaign'];
			campaign_id: Voucher['campaign_id'];
			applicable_to: ProductList;
			inapplicable_to: ProductList;
			order: OrderSummary;
			tracking_id: string;
			metadata: Voucher['metadata'];
	  } & ({ gift: NonNullable<Voucher['gift']> } | { discount: Voucher['discount'] }) &
			Session)
	| {
			valid: false;
			code: string;
			reason: string;
			error: Pick<RedeemableFailure, 'key' | 'message' | 'details'>;
			tracking_id: string;
			metadata: Voucher['metadata'];
	  };

/** `validatePromotions`, declared like `validateVoucher`. */
type PromotionsValidationAnswer = {
	valid: boolean;
	promotions: Array<
		Pick<PromotionTier, 'id' | 'object' | 'name' | 'banner' | 'hierarchy' | 'campaign_id' | 'metadata'> & {
			discount: PromotionTier['action']['discount'];
			discount_amount: number;
			applied_discount_amount: number;
			order: OrderSummary;
		}
	>;
	tracking_id: string;
};

/** `validateStack`, declared like `validateVoucher`. */
type StackValidationAnswer = { valid: boolean; order: OrderSummary; tracking_id: string } & ReturnType<typeof presentStack> & Session;

type Consents = ReturnType<MockCore['listConsents']>;
type Qualification = ReturnType<MockCore['qualify']>;

describe('validation answers', () => {
	test('a code validation as the mock answers it, valid or not, fits ValidationResult', () => {
		expectTypeOf<Received<CodeValidationAnswer>>().toExtend<ValidationResult>();
	});

	test('a promotions validation as the mock answers it fits ValidationResult', () => {
		expectTypeOf<Received<PromotionsValidationAnswer>>().toExtend<ValidationResult>();
	});

	test('a stackable validation as the mock answers it, with skipped and inapplicable redeemables, fits StackableValidationResult', () => {
		expectTypeOf<Received<StackValidationAnswer>>().toExtend<StackableValidationResult>();
	});
});

describe('redemption answers', () => {
	test('a redemption as the mock answers it, with a null customer and tracking id, fits RedemptionResult', () => {
		expectTypeOf<Received<ReturnType<MockCore['redeemVoucher']>>>().toExtend<RedemptionResult>();
	});

	test('a stackable redemption as the mock answers it fits StackableRedemptionResult', () => {
		expectTypeOf<Received<ReturnType<MockCore['redeemStack']> & { tracking_id: string | null }>>().toExtend<StackableRedemptionResult>();
	});
});

describe('visitor answers', () => {
	test('a publication as the mock answers it, for a visitor with no customer yet, fits PublicationResult', () => {
		expectTypeOf<Received<ReturnType<MockCore['publish']>>>().toExtend<PublicationResult>();
	});

	test('a tracked event as the mock answers it, with an anonymous customer reference, fits TrackedEvent', () => {
		expectTypeOf<Received<ReturnType<MockCore['trackEvent']>>>().toExtend<TrackedEvent>();
	});

	test('a customer as the mock answers it fits the Customer type', () => {
		expectTypeOf<Received<ReturnType<MockCore['upsertCustomer']> & { tracking_id: string }>>().toExtend<Customer>();
	});
});

describe('list answers', () => {
	test('a voucher list as the mock answers it, with standalone vouchers and open dates, fits VoucherList', () => {
		expectTypeOf<Received<PageAnswer<'vouchers', ReturnType<MockCore['listVouchers']>>>>().toExtend<VoucherList>();
	});

	test('the consents as the mock answers them fit ConsentList', () => {
		type Answer = { groups: AsList<Consents['groups']>; consents: AsList<Consents['consents']>; tracking_id: string };
		expectTypeOf<Received<Answer>>().toExtend<ConsentList>();
	});

	test('qualifications as the mock answers them fit QualificationsResult', () => {
		type Answer = Omit<Qualification, 'redeemables'> & { redeemables: AsList<Qualification['redeemables']> };
		expectTypeOf<Received<Answer>>().toExtend<QualificationsResult>();
	});

	test('a promotion tier list as the mock answers it fits PromotionTierList', () => {
		expectTypeOf<Received<PageAnswer<'tiers', ReturnType<MockCore['listTiers']>>>>().toExtend<PromotionTierList>();
	});
});
