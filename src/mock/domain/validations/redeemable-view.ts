import { noReduction, type Discount } from '../orders/benefits.js';
import type { Order } from '../orders/order.js';
import { summarizeOrder, type OrderSummary } from '../orders/order-summary.js';
import type { EvaluatedRedeemable, RedeemableSubject } from './redeemables.js';
import type { Gift } from '../vouchers/voucher.js';

/** The `applicable_to` / `inapplicable_to` lists: the products a unit discount gives. */
export interface ProductList {
	readonly object: 'list';
	readonly data_ref: 'data';
	readonly data: readonly { readonly object: 'product'; readonly id: string; readonly effect: 'APPLY_TO_EVERY' }[];
	readonly total: number;
}

const list = (ids: readonly string[]): ProductList => ({
	object: 'list',
	data_ref: 'data',
	data: ids.map((id) => ({ object: 'product', id, effect: 'APPLY_TO_EVERY' })),
	total: ids.length,
});

/** The list of a discount that applies to the whole order. */
export const EMPTY_PRODUCT_LIST = list([]);

/** The discount of a voucher or tier; `null` for a gift card. */
export const discountOf = (subject: RedeemableSubject): Discount | null =>
	subject.kind === 'tier' ? subject.entry.tier.discount : subject.voucher.discount;

/** A unit discount applies to its product only; other discounts to the whole order. */
export function applicableTo(subject: RedeemableSubject): ProductList {
	const discount = discountOf(subject);
	return discount?.type === 'UNIT' ? list([discount.unit_type]) : EMPTY_PRODUCT_LIST;
}

/** The `result` of one stacked redeemable. */
export interface RedeemableResult {
	readonly discount?: Discount;
	readonly gift?: Gift & { readonly credits: number };
	readonly error?: { readonly key: string; readonly message: string; readonly details: string };
}

/** One entry of a stacked validation's `redeemables`. */
export interface StackedRedeemableView {
	readonly status: 'APPLICABLE' | 'INAPPLICABLE' | 'SKIPPED';
	readonly id: string;
	readonly object: 'voucher' | 'promotion_tier';
	readonly order: OrderSummary;
	readonly applicable_to: ProductList;
	readonly inapplicable_to: ProductList;
	readonly result: RedeemableResult;
	readonly metadata: Record<string, unknown>;
	readonly campaign_id?: string | null;
	readonly campaign_name?: string | null;
	readonly name?: string;
	readonly banner?: string;
}

function resultOf(redeemable: EvaluatedRedeemable, skipped: boolean): RedeemableResult {
	if (redeemable.status === 'INAPPLICABLE') {
		const { key, message, details, ruleMessage } = redeemable.failure;
		return { error: { key, message: ruleMessage ?? message, details } };
	}
	if (skipped) return {};
	const { subject, reduction } = redeemable;
	if (subject.kind === 'voucher' && subject.voucher.gift) return { gift: { ...subject.voucher.gift, credits: reduction.order } };
	const discount = discountOf(subject);
	return discount ? { discount } : {};
}

/** Presents one redeemable of a stack; `skipped` marks an applicable one left out because another failed. */
export function presentStacked(redeemable: EvaluatedRedeemable, order: Order, skipped = false): StackedRedeemableView {
	const { subject } = redeemable;
	const reduction = redeemable.status === 'APPLICABLE' && !skipped ? redeemable.reduction : noReduction(order);
	return {
		status: skipped ? 'SKIPPED' : redeemable.status,
		id: redeemable.ref.id,
		object: redeemable.ref.object,
		order: summarizeOrder(order, reduction),
		applicable_to: subject ? applicableTo(subject) : EMPTY_PRODUCT_LIST,
		inapplicable_to: EMPTY_PRODUCT_LIST,
		result: resultOf(redeemable, skipped),
		metadata: subject?.kind === 'voucher' ? subject.voucher.metadata : {},
		...(subject?.kind === 'voucher' ? { campaign_id: subject.voucher.campaign_id, campaign_name: subject.voucher.campaign } : {}),
		...(subject?.kind === 'tier' ? { campaign_id: subject.entry.campaign.id, campaign_name: subject.entry.campaign.name, name: subject.entry.tier.name, banner: subject.entry.tier.banner } : {}),
	};
}
