import { noReduction } from '../orders/benefits.js';
import { allTiers } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { ruleCustomerOf } from '../rules/customer-rules.js';
import type { CustomerInput } from '../customers/customer.js';
import { normalizeOrder, type OrderInput } from '../orders/order.js';
import { summarizeOrder } from '../orders/order-summary.js';
import { presentStacked } from './redeemable-view.js';
import { evaluateOne, type RedeemableRef } from './redeemables.js';
import { resolveTrackingId } from '../tracking/tracking.js';
import { codesHeldBy } from '../vouchers/vouchers.js';

/** `POST /client/v1/qualifications`. */
export interface QualificationRequest {
	readonly order?: OrderInput;
	readonly customer?: CustomerInput;
	readonly trackingId?: string;
	readonly limit?: number;
	/** `options.filters.code.conditions.$in` (server side): only these codes are candidates, and no promotion tier. */
	readonly codes?: readonly string[];
}

/** The promotion tiers the order qualifies for, and the codes published to the visitor that apply to it. */
export function qualify(ctx: DomainContext, request: QualificationRequest) {
	const trackingId = resolveTrackingId(ctx, request.trackingId, request.customer?.source_id);
	const order = normalizeOrder(request.order);
	const codes = request.codes === undefined ? undefined : request.codes.filter((code) => ctx.state.vouchers.has(code));
	const candidates: RedeemableRef[] = codes
		? codes.map((code): RedeemableRef => ({ object: 'voucher', id: code }))
		: [
				...allTiers(ctx.catalog.campaigns).map(({ tier }): RedeemableRef => ({ object: 'promotion_tier', id: tier.id })),
				...[...codesHeldBy(ctx, request.customer?.id ?? trackingId)].map((code): RedeemableRef => ({ object: 'voucher', id: code })),
			];
	const who = ruleCustomerOf(ctx, request.customer, trackingId);
	const qualified = candidates.flatMap((ref) => {
		const { redeemable } = evaluateOne(ctx, ref, order, who);
		return redeemable.status === 'APPLICABLE' ? [presentStacked(redeemable, order)] : [];
	});
	const data = request.limit === undefined ? qualified : qualified.slice(0, request.limit);
	return {
		redeemables: { object: 'list', data_ref: 'data', data, total: qualified.length, has_more: data.length < qualified.length },
		tracking_id: trackingId,
		order: summarizeOrder(order, noReduction(order)),
	};
}
