import type { Customer } from '../customers/customer.js';
import type { DomainContext } from '../shared/context.js';
import type { Activity } from '../tracking/activity.js';
import { columnTable } from './export-filters.js';

/** A redemption as its activity entry recorded it, with the customer it belongs to (none for an anonymous visitor's refusal). */
interface RedemptionRow {
	readonly activity: Activity;
	readonly customer: Customer | undefined;
}

const REDEMPTION_TYPES: readonly string[] = ['customer.redemption.succeeded', 'customer.redemption.failed'];

/** Every redemption the mock recorded, succeeded and refused, oldest first. */
function redemptionRows(ctx: DomainContext): RedemptionRow[] {
	const rows: RedemptionRow[] = [];
	for (const [customerId, activities] of ctx.state.customerActivity) {
		const customer = ctx.state.customers.get(customerId);
		for (const activity of activities) if (REDEMPTION_TYPES.includes(activity.type)) rows.push({ activity, customer });
	}
	for (const activities of ctx.state.anonymousActivity.values()) {
		for (const activity of activities) if (REDEMPTION_TYPES.includes(activity.type)) rows.push({ activity, customer: undefined });
	}
	return rows.sort((left, right) => Date.parse(left.activity.created_at) - Date.parse(right.activity.created_at));
}

const field = (row: RedemptionRow, key: string): unknown => row.activity.data[key];
const orderField = (row: RedemptionRow, key: string): unknown => {
	const order = row.activity.data.order;
	return typeof order === 'object' && order !== null ? (order as Record<string, unknown>)[key] : undefined;
};
const succeeded = (row: RedemptionRow) => row.activity.type === 'customer.redemption.succeeded';
const voucherCode = (row: RedemptionRow) => (field(row, 'object') === 'voucher' ? field(row, 'id') : null);

/**
 * `exported_object: 'redemption'`, read from the redemption activity (the mock keeps no other record): a refused
 * redemption has no id, its `failure_message` is the activity's `reason`; `metadata` is not kept.
 */
export const redemptionExport = (ctx: DomainContext) =>
	columnTable<RedemptionRow>({
		object: 'redemption',
		defaultFields: ['id', 'object', 'voucher_code', 'customer_id', 'date', 'result'],
		source: redemptionRows,
		columns: {
			id: (row) => field(row, 'redemption_id'),
			object: () => 'redemption',
			date: (row) => row.activity.created_at,
			voucher_code: voucherCode,
			campaign: (row) => {
				const code = voucherCode(row);
				return typeof code === 'string' ? ctx.state.vouchers.get(code)?.campaign : null;
			},
			promotion_tier_id: (row) => (field(row, 'object') === 'promotion_tier' ? field(row, 'id') : null),
			customer_id: (row) => row.customer?.id,
			customer_source_id: (row) => row.customer?.source_id,
			customer_name: (row) => row.customer?.name,
			tracking_id: (row) => field(row, 'tracking_id'),
			order_amount: (row) => orderField(row, 'amount'),
			gift_amount: (row) => field(row, 'gift_amount'),
			loyalty_points: () => null,
			result: (row) => (succeeded(row) ? 'SUCCESS' : 'FAILURE'),
			failure_code: () => null,
			failure_message: (row) => (succeeded(row) ? null : field(row, 'reason')),
			metadata: () => null,
		},
	});

/** `exported_object: 'order'`: the orders of succeeded redemptions (a stacked redemption's order once), as their activity recorded them. */
export const orderExport = () =>
	columnTable<RedemptionRow>({
		object: 'order',
		defaultFields: ['id', 'source_id', 'status'],
		source: (ctx) => {
			const seen = new Set<unknown>();
			return redemptionRows(ctx).filter((row) => succeeded(row) && !seen.has(orderField(row, 'id')) && seen.add(orderField(row, 'id')));
		},
		columns: {
			id: (row) => orderField(row, 'id'),
			source_id: () => null,
			created_at: (row) => row.activity.created_at,
			updated_at: () => null,
			status: () => 'PAID',
			amount: (row) => orderField(row, 'amount'),
			discount_amount: (row) => orderField(row, 'total_discount_amount'),
			items_discount_amount: () => null,
			total_discount_amount: (row) => orderField(row, 'total_discount_amount'),
			total_amount: (row) => orderField(row, 'total_amount'),
			customer_id: (row) => row.customer?.id,
			referrer_id: () => null,
			metadata: () => null,
		},
	});
