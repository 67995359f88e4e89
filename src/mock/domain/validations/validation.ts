import { computeReduction, isReduction, noReduction } from '../orders/benefits.js';
import { allTiers, checkTier, presentTier } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { checkCustomerRules, ruleCustomerOf } from '../rules/customer-rules.js';
import type { CustomerInput } from '../customers/customer.js';
import { normalizeOrder, type Metadata, type OrderInput } from '../orders/order.js';
import { summarizeOrder, type OrderSummary } from '../orders/order-summary.js';
import { applicableTo, EMPTY_PRODUCT_LIST, presentStacked, type StackedRedeemableView } from './redeemable-view.js';
import { assertStackShape, evaluateOne, evaluateStack, firstFailure, type RedeemableRef, type StackEvaluation } from './redeemables.js';
import { openSession, type SessionInput } from './session.js';
import { findCustomerById } from '../customers/customers.js';
import { notFound } from '../shared/errors.js';
import { recordActivity, resolveTrackingId } from '../tracking/tracking.js';

/** What every validation carries besides its redeemables. */
export interface ValidationRequest {
	readonly order?: OrderInput;
	readonly customer?: CustomerInput;
	readonly trackingId?: string;
	readonly metadata?: Metadata;
	readonly session?: SessionInput;
}

const orderFacts = (order: OrderSummary) => ({
	amount: order.amount,
	total_discount_amount: order.total_discount_amount,
	total_amount: order.total_amount,
});

/**
 * Records a validation under `T`, or on the customer named by `customer.id`, which wins over the tracking id
 * (voucherify.js documents `customer` as "`id` and/or `source_id`"); an unknown id is `not_found`.
 * `reason` marks a failed validation.
 */
function recordValidation(ctx: DomainContext, trackingId: string, refs: readonly RedeemableRef[], request: ValidationRequest, order: OrderSummary, reason?: string): void {
	const valid = reason === undefined;
	const id = request.customer?.id;
	const customer = id === undefined ? undefined : findCustomerById(ctx, id);
	if (id !== undefined && !customer) throw notFound('customer', id);
	recordActivity(ctx, customer ? { customer } : { trackingId }, valid ? 'customer.validation.succeeded' : 'customer.validation.failed', {
		tracking_id: trackingId,
		redeemables: refs.map(({ object, id }) => ({ object, id })),
		result: valid ? 'SUCCESS' : 'FAILURE',
		...(valid ? {} : { reason }),
		order: orderFacts(order),
		...(request.metadata === undefined ? {} : { metadata: request.metadata }),
	});
}

/** `GET /client/v1/validate`: one code against an order. An unusable code is an answer, not an error. */
export function validateVoucher(ctx: DomainContext, code: string, request: ValidationRequest): Record<string, unknown> {
	const trackingId = resolveTrackingId(ctx, request.trackingId, request.customer?.source_id);
	const ref: RedeemableRef = { object: 'voucher', id: code };
	const { evaluation, redeemable } = evaluateOne(ctx, ref, normalizeOrder(request.order), ruleCustomerOf(ctx, request.customer, trackingId));
	const order = summarizeOrder(evaluation.order, evaluation.total);
	const voucher = redeemable.subject?.kind === 'voucher' ? redeemable.subject.voucher : undefined;
	if (redeemable.status === 'INAPPLICABLE') {
		const { key, reason, message, details, ruleMessage } = redeemable.failure;
		recordValidation(ctx, trackingId, [ref], request, order, reason);
		return { valid: false, code, reason, error: { key, message: ruleMessage ?? message, details }, tracking_id: trackingId, metadata: voucher?.metadata ?? {} };
	}
	recordValidation(ctx, trackingId, [ref], request, order);
	return {
		valid: true,
		code,
		campaign: voucher?.campaign ?? null,
		campaign_id: voucher?.campaign_id ?? null,
		...(voucher?.gift ? { gift: voucher.gift } : { discount: voucher?.discount ?? null }),
		applicable_to: applicableTo(redeemable.subject),
		inapplicable_to: EMPTY_PRODUCT_LIST,
		order,
		tracking_id: trackingId,
		metadata: voucher?.metadata ?? {},
		...openSession(ctx, request.session),
	};
}

/** `GET /client/v1/promotions/validation`: every promotion tier the order qualifies for, each on its own. */
export function validatePromotions(ctx: DomainContext, request: ValidationRequest): Record<string, unknown> {
	const trackingId = resolveTrackingId(ctx, request.trackingId, request.customer?.source_id);
	const order = normalizeOrder(request.order);
	const who = ruleCustomerOf(ctx, request.customer, trackingId);
	const promotions = allTiers(ctx.catalog.campaigns).flatMap((entry) => {
		const { tier, campaign } = entry;
		if (checkTier(tier, order) || checkCustomerRules(ctx, { kind: 'tier', entry }, who)) return [];
		const reduction = computeReduction({ kind: 'discount', discount: tier.discount }, order, noReduction(order));
		if (!isReduction(reduction)) return [];
		const summary = summarizeOrder(order, reduction);
		const { id, name, banner, hierarchy, metadata, campaign_id } = presentTier(tier, campaign);
		return [{ id, object: 'promotion_tier', name, banner, hierarchy, campaign_id, metadata, discount: tier.discount, discount_amount: summary.total_discount_amount, applied_discount_amount: summary.total_applied_discount_amount, order: summary }];
	});
	const refs = promotions.map(({ id }): RedeemableRef => ({ object: 'promotion_tier', id }));
	recordValidation(ctx, trackingId, refs, request, summarizeOrder(order, noReduction(order)), promotions.length > 0 ? undefined : 'no applicable promotions');
	return { valid: promotions.length > 0, promotions, tracking_id: trackingId };
}

/** The `redeemables` lists of a stacked answer: when one redeemable fails, the applicable ones are skipped. */
export function presentStack(evaluation: StackEvaluation): {
	redeemables: StackedRedeemableView[];
	inapplicable_redeemables?: StackedRedeemableView[];
	skipped_redeemables?: StackedRedeemableView[];
} {
	const redeemables = evaluation.redeemables.map((redeemable) => presentStacked(redeemable, evaluation.order, !evaluation.valid && redeemable.status === 'APPLICABLE'));
	if (evaluation.valid) return { redeemables };
	return {
		redeemables,
		inapplicable_redeemables: redeemables.filter((view) => view.status === 'INAPPLICABLE'),
		skipped_redeemables: redeemables.filter((view) => view.status === 'SKIPPED'),
	};
}

/** `POST /client/v1/validations`: a stack of codes and tiers against one order. */
export function validateStack(ctx: DomainContext, refs: readonly RedeemableRef[], request: ValidationRequest): Record<string, unknown> {
	assertStackShape(refs);
	const trackingId = resolveTrackingId(ctx, request.trackingId, request.customer?.source_id);
	const evaluation = evaluateStack(ctx, refs, normalizeOrder(request.order), ruleCustomerOf(ctx, request.customer, trackingId));
	const order = summarizeOrder(evaluation.order, evaluation.total);
	recordValidation(ctx, trackingId, refs, request, order, firstFailure(evaluation)?.failure.reason);
	return { valid: evaluation.valid, ...presentStack(evaluation), order, tracking_id: trackingId, ...openSession(ctx, request.session) };
}
