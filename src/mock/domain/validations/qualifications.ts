import { noReduction } from '../orders/benefits.js';
import { allTiers } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { ruleCustomerOf } from '../rules/customer-rules.js';
import type { CustomerInput } from '../customers/customer.js';
import { normalizeOrder, type OrderInput } from '../orders/order.js';
import { summarizeOrder } from '../orders/order-summary.js';
import { presentStacked } from './redeemable-view.js';
import { evaluateOne, type ApplicableRedeemable, type RedeemableRef } from './redeemables.js';
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
	/** `options.expand`: `redeemable` adds each redeemable's `name` and `campaign_name`. */
	readonly expand?: readonly QualificationExpand[];
}

/** What `options.expand` may name. */
export const QUALIFICATION_EXPANDS = ['redeemable', 'category', 'validation_rules'] as const;
export type QualificationExpand = (typeof QUALIFICATION_EXPANDS)[number];

/** The order fields the live API answers beside the amounts: whose order it is (`customer_id`, `referrer_id`). */
interface OrderParty {
	readonly customer_id: string | null;
	readonly referrer_id: null;
	readonly object: 'order';
}

/** One qualified redeemable: the stacked view, its order with the party, `categories` (none: the mock has no categories), and the expanded names. */
function presentQualified(redeemable: ApplicableRedeemable, order: ReturnType<typeof normalizeOrder>, party: OrderParty, expand: readonly QualificationExpand[]) {
	// The stacked view names the campaign (what validate() asks for with `expand`); a qualification does only when expanded.
	const { campaign_name: _unlessExpanded, ...view } = presentStacked(redeemable, order);
	const { subject } = redeemable;
	const names = expand.includes('redeemable')
		? subject.kind === 'voucher'
			? { name: subject.voucher.code, campaign_name: subject.voucher.campaign }
			: { name: subject.entry.tier.name, campaign_name: subject.entry.campaign.name }
		: {};
	return { ...view, order: { ...view.order, ...party }, categories: [] as const, ...names };
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
	const resolved = who();
	const party: OrderParty = { customer_id: resolved.stored ? resolved.customer.id : null, referrer_id: null, object: 'order' };
	const qualified = candidates.flatMap((ref) => {
		const { redeemable } = evaluateOne(ctx, ref, order, who);
		return redeemable.status === 'APPLICABLE' ? [presentQualified(redeemable, order, party, request.expand ?? [])] : [];
	});
	const data = request.limit === undefined ? qualified : qualified.slice(0, request.limit);
	return {
		redeemables: { object: 'list', data_ref: 'data', data, total: qualified.length, has_more: data.length < qualified.length },
		tracking_id: trackingId,
		order: { ...summarizeOrder(order, noReduction(order)), ...party },
	};
}
