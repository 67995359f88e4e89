import { assertRoomForOrder, countOrder } from '../tracking/activity.js';
import { presentTier, type PromotionTier } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { recordGiftRedemption } from '../vouchers/transactions.js';
import { ruleCustomerOf } from '../rules/customer-rules.js';
import { referenceTo, type Customer, type CustomerInput, type CustomerReference } from '../customers/customer.js';
import { addCustomer, findCustomerById, findCustomerBySourceId, saveCustomer, updateProfile } from '../customers/customers.js';
import { DomainError, notFound } from '../shared/errors.js';
import { normalizeOrder, type Metadata, type Order, type OrderInput } from '../orders/order.js';
import { summarizeOrder, type OrderSummary } from '../orders/order-summary.js';
import { assertStackShape, evaluateStack, firstFailure, type ApplicableRedeemable, type InapplicableRedeemable, type RedeemableRef, type StackEvaluation } from './redeemables.js';
import { claimTrackingId, ownerOf, recordActivity } from '../tracking/tracking.js';
import { markRedeemed, type Voucher } from '../vouchers/voucher.js';

/** A redemption request, from any of the four redemption routes. */
export interface RedemptionRequest {
	readonly redeemables: readonly RedeemableRef[];
	readonly order?: OrderInput;
	readonly customer?: CustomerInput;
	/** The visitor's tracking id `T`: query `tracking_id`, body `tracking_id`, or `customer.source_id`. */
	readonly trackingId?: string;
	readonly metadata?: Metadata;
	readonly channel: 'API' | 'CLIENT_API';
}

/** The order object of a redemption answer. */
export type RedeemedOrder = OrderSummary & { readonly id: string; readonly status: 'PAID'; readonly customer_id: string | null; readonly created_at: string };

/** Fields every redemption object shares with its parent. */
interface RedemptionCommon {
	readonly object: 'redemption';
	readonly date: string;
	readonly customer_id: string | null;
	readonly tracking_id: string | null;
	readonly metadata: Metadata;
	readonly result: 'SUCCESS';
	readonly status: 'SUCCEEDED';
	readonly order: RedeemedOrder;
	readonly customer: CustomerReference | null;
	readonly channel: { readonly channel_type: RedemptionRequest['channel'] };
}

/** One redemption as the API answers it. */
export interface Redemption extends RedemptionCommon {
	readonly id: string;
	readonly related_object_type: 'voucher' | 'promotion_tier';
	readonly related_object_id: string;
	readonly parent_redemption_id?: string;
	readonly amount?: number;
	readonly voucher?: Voucher;
	readonly promotion_tier?: PromotionTier;
}

/** The parent of a stacked redemption. */
export interface ParentRedemption extends RedemptionCommon {
	readonly id: string;
	readonly related_object_type: 'redemption';
	readonly related_object_id: string;
}

/** The answer of a stacked redemption. */
export interface StackedRedemption {
	readonly redemptions: readonly Redemption[];
	readonly parent_redemption: ParentRedemption;
	readonly order: RedeemedOrder;
}

/**
 * CONTRACT §5: `customer.id` wins, else the customer with `customer.source_id`, else the owner of `T`.
 * Naming a customer other than the one `T` already belongs to is ambiguous.
 */
function resolveCustomer(ctx: DomainContext, input: CustomerInput | undefined, trackingId: string | undefined): Customer | undefined {
	let named: Customer | undefined;
	if (input?.id !== undefined) {
		named = findCustomerById(ctx, input.id);
		if (!named) throw notFound('customer', input.id);
	} else if (input?.source_id !== undefined) {
		named = findCustomerBySourceId(ctx, input.source_id);
	}
	const owner = trackingId === undefined ? undefined : ownerOf(ctx, trackingId);
	if (named && owner && named.id !== owner.id) {
		throw new DomainError(
			'ambiguous_tracking_id',
			'Ambiguous tracking id',
			`Tracking id ${trackingId} belongs to customer ${owner.id}, but the request names customer ${named.id}`,
		);
	}
	return named ?? owner;
}

/** A failed redemption is recorded and answered with its reason, but creates no customer and moves no activity. */
function failRedemption(ctx: DomainContext, known: Customer | undefined, trackingId: string | undefined, order: Order, failed: InapplicableRedeemable): never {
	const { ref, failure } = failed;
	const data = { tracking_id: trackingId ?? null, object: ref.object, id: ref.id, reason: failure.reason, order: { amount: order.amount } };
	if (known) recordActivity(ctx, { customer: known }, 'customer.redemption.failed', data);
	else if (trackingId !== undefined) recordActivity(ctx, { trackingId }, 'customer.redemption.failed', data);
	throw DomainError.fromFailure(failure, failure.key === 'not_found' ? { id: ref.id, type: ref.object } : undefined);
}

function assertGiftHasAmount(evaluation: StackEvaluation): void {
	const empty = evaluation.redeemables.some((r) => r.status === 'APPLICABLE' && r.subject.kind === 'voucher' && r.subject.voucher.gift && r.reduction.order === 0);
	if (empty) throw new DomainError('missing_amount', 'Missing amount', 'Redeeming a gift card needs an order amount left to pay');
}

/**
Creates or upserts the customer, then gives it `T` and everything `T` did anonymously, and the anonymous activity
recorded under its own `source_id` (a login mid-session: `T` is the anonymous id, the source id the identity hash).
*/
function settleCustomer(ctx: DomainContext, known: Customer | undefined, input: CustomerInput | undefined, trackingId: string | undefined): Customer | undefined {
	const customer = known
		? updateProfile(ctx, known, input ?? {})
		: trackingId !== undefined || input !== undefined
			? addCustomer(ctx, input?.source_id ?? trackingId ?? null, input ?? {})
			: undefined;
	if (!customer) return undefined;
	for (const id of new Set([trackingId, customer.source_id])) {
		if (id) claimTrackingId(ctx, id, customer);
	}
	return findCustomerById(ctx, customer.id);
}

function redeemOne(ctx: DomainContext, redeemable: ApplicableRedeemable, common: RedemptionCommon, evaluation: StackEvaluation, parentId?: string): Redemption {
	const { subject, reduction } = redeemable;
	const order: RedeemedOrder = { ...common.order, ...summarizeOrder(evaluation.order, evaluation.total, reduction), id: common.order.id };
	const id = ctx.ids.redemption();
	const base = { id, ...common, order, ...(parentId === undefined ? {} : { parent_redemption_id: parentId }) };
	if (subject.kind === 'tier') {
		const tier = presentTier(subject.entry.tier, subject.entry.campaign);
		return { ...base, related_object_type: 'promotion_tier', related_object_id: tier.id, promotion_tier: tier };
	}
	const giftCredits = subject.voucher.gift ? reduction.order : 0;
	const voucher = markRedeemed(subject.voucher, giftCredits, ctx.now());
	ctx.state.vouchers.set(voucher.code, voucher);
	recordGiftRedemption(ctx, voucher, giftCredits, id, order);
	return { ...base, related_object_type: 'voucher', related_object_id: voucher.id, voucher, ...(voucher.gift ? { amount: giftCredits } : {}) };
}

/** One `customer.redemption.succeeded` per redemption, and one more order in the summary. */
function recordSuccess(ctx: DomainContext, customer: Customer, redemptions: readonly Redemption[], order: RedeemedOrder): void {
	for (const redemption of redemptions) {
		recordActivity(ctx, { customer }, 'customer.redemption.succeeded', {
			redemption_id: redemption.id,
			tracking_id: redemption.tracking_id,
			object: redemption.related_object_type,
			id: redemption.voucher?.code ?? redemption.related_object_id,
			order: { id: order.id, amount: order.amount, total_discount_amount: redemption.order.total_applied_discount_amount, total_amount: order.total_amount },
			...(redemption.amount === undefined ? {} : { gift_amount: redemption.amount }),
		});
	}
	const current = findCustomerById(ctx, customer.id) ?? customer;
	saveCustomer(ctx, { ...current, summary: countOrder(current.summary, order.amount, ctx.now()) });
}

/**
 * Redeems a stack for the customer `T` resolves to (CONTRACT §5). Everything is checked before
 * anything changes, and the core is synchronous, so concurrent calls with one new `T` still create
 * exactly one customer.
 */
function performRedemption(ctx: DomainContext, request: RedemptionRequest, stacked: boolean): StackedRedemption {
	assertStackShape(request.redeemables);
	const trackingId = request.trackingId || request.customer?.source_id || undefined;
	const known = resolveCustomer(ctx, request.customer, trackingId);
	const evaluation = evaluateStack(ctx, request.redeemables, normalizeOrder(request.order), ruleCustomerOf(ctx, request.customer, trackingId));
	const failed = firstFailure(evaluation);
	if (failed) failRedemption(ctx, known, trackingId, evaluation.order, failed);
	assertGiftHasAmount(evaluation);
	if (known) assertRoomForOrder(known.summary, evaluation.order.amount);

	const customer = settleCustomer(ctx, known, request.customer, trackingId);
	const date = ctx.now().toISOString();
	const customerId = customer?.id ?? null;
	const order: RedeemedOrder = { ...summarizeOrder(evaluation.order, evaluation.total), id: evaluation.order.id ?? ctx.ids.order(), status: 'PAID', customer_id: customerId, created_at: date };
	const common: RedemptionCommon = {
		object: 'redemption',
		date,
		customer_id: customerId,
		tracking_id: trackingId ?? customer?.source_id ?? null,
		metadata: request.metadata ?? {},
		result: 'SUCCESS',
		status: 'SUCCEEDED',
		order,
		customer: customer ? referenceTo(customer) : null,
		channel: { channel_type: request.channel },
	};
	const parentId = ctx.ids.redemption();
	const applicable = evaluation.redeemables.filter((r): r is ApplicableRedeemable => r.status === 'APPLICABLE');
	const redemptions = applicable.map((redeemable) => redeemOne(ctx, redeemable, common, evaluation, stacked ? parentId : undefined));

	if (customer) recordSuccess(ctx, customer, redemptions, order);
	const parent: ParentRedemption = { id: parentId, ...common, related_object_type: 'redemption', related_object_id: parentId };
	return { redemptions, parent_redemption: parent, order };
}

/** `POST /v1/redemptions` and `POST /client/v1/redemptions`. */
export const redeemStack = (ctx: DomainContext, request: RedemptionRequest): StackedRedemption => performRedemption(ctx, request, true);

/** `POST /v1/vouchers/{code}/redemption` and `POST /client/v1/redeem?code=`. */
export function redeemVoucher(ctx: DomainContext, code: string, request: Omit<RedemptionRequest, 'redeemables'>): Redemption {
	const [redemption] = performRedemption(ctx, { ...request, redeemables: [{ object: 'voucher', id: code }] }, false).redemptions;
	if (!redemption) throw new Error('A successful redemption of one voucher yields one redemption');
	return redemption;
}
