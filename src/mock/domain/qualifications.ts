import { noReduction } from './benefits';
import { allTiers } from './campaigns';
import type { DomainContext } from './context';
import type { CustomerInput } from './customer';
import { normalizeOrder, type OrderInput } from './order';
import { summarizeOrder } from './order-summary';
import { presentStacked } from './redeemable-view';
import { evaluateOne, type RedeemableRef } from './redeemables';
import { resolveTrackingId } from './tracking';
import { codesHeldBy } from './vouchers';

/** `POST /client/v1/qualifications`. */
export interface QualificationRequest {
	readonly order?: OrderInput;
	readonly customer?: CustomerInput;
	readonly trackingId?: string;
	readonly limit?: number;
}

/** The promotion tiers the order qualifies for, and the codes published to the visitor that apply to it. */
export function qualify(ctx: DomainContext, request: QualificationRequest) {
	const trackingId = resolveTrackingId(ctx, request.trackingId, request.customer?.source_id);
	const order = normalizeOrder(request.order);
	const candidates: RedeemableRef[] = [
		...allTiers(ctx.catalog.campaigns).map(({ tier }): RedeemableRef => ({ object: 'promotion_tier', id: tier.id })),
		...[...codesHeldBy(ctx, request.customer?.id ?? trackingId)].map((code): RedeemableRef => ({ object: 'voucher', id: code })),
	];
	const qualified = candidates.flatMap((ref) => {
		const { redeemable } = evaluateOne(ctx, ref, order);
		return redeemable.status === 'APPLICABLE' ? [presentStacked(redeemable, order)] : [];
	});
	const data = request.limit === undefined ? qualified : qualified.slice(0, request.limit);
	return {
		redeemables: { object: 'list', data_ref: 'data', data, total: qualified.length, has_more: data.length < qualified.length },
		tracking_id: trackingId,
		order: summarizeOrder(order, noReduction(order)),
	};
}
