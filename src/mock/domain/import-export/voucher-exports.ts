import type { Customer } from '../customers/customer.js';
import type { DomainContext } from '../shared/context.js';
import type { PublicationRecord } from '../shared/state.js';
import type { Voucher } from '../vouchers/voucher.js';
import { columnTable } from './export-filters.js';

const metadataCell = (metadata: Readonly<Record<string, unknown>>) => (Object.keys(metadata).length === 0 ? null : metadata);
const customerOf = (ctx: DomainContext, id: string | null): Customer | undefined => (id === null ? undefined : ctx.state.customers.get(id));

/** What a voucher's `value` column holds: the discount's amount, percent or units; a gift card's balance. */
function valueOf(voucher: Voucher): number | null {
	if (voucher.gift) return voucher.gift.balance;
	const discount = voucher.discount;
	if (!discount) return null;
	return discount.type === 'AMOUNT' ? discount.amount_off : discount.type === 'PERCENT' ? discount.percent_off : discount.unit_off;
}

/** `exported_object: 'voucher'`: every voucher, fixtures and created ones, oldest first. Fields the mock keeps nothing for are empty. */
export const voucherExport = (ctx: DomainContext) =>
	columnTable<Voucher>({
		object: 'voucher',
		defaultFields: ['code', 'voucher_type', 'value', 'discount_type'],
		source: (context) => [...context.state.vouchers.values()],
		columns: {
			code: (voucher) => voucher.code,
			voucher_type: (voucher) => voucher.type,
			value: valueOf,
			discount_type: (voucher) => voucher.discount?.type,
			campaign: (voucher) => voucher.campaign,
			category: (voucher) => voucher.category,
			start_date: (voucher) => voucher.start_date,
			expiration_date: (voucher) => voucher.expiration_date,
			gift_balance: (voucher) => voucher.gift?.balance,
			loyalty_balance: () => null,
			redemption_quantity: (voucher) => voucher.redemption.quantity,
			redemption_count: (voucher) => voucher.redemption.redeemed_quantity,
			active: (voucher) => voucher.active,
			qr_code: () => null,
			bar_code: () => null,
			metadata: (voucher) => metadataCell(voucher.metadata),
			id: (voucher) => voucher.id,
			is_referral_code: () => false,
			created_at: (voucher) => voucher.created_at,
			updated_at: (voucher) => voucher.updated_at,
			validity_timeframe_interval: () => null,
			validity_timeframe_duration: () => null,
			validity_day_of_week: () => null,
			discount_amount_limit: (voucher) => (voucher.discount?.type === 'PERCENT' ? voucher.discount.amount_limit : null),
			campaign_id: (voucher) => voucher.campaign_id,
			additional_info: () => null,
			customer_id: (voucher) => voucher.holder_id,
			discount_unit_type: (voucher) => (voucher.discount?.type === 'UNIT' ? voucher.discount.unit_type : null),
			discount_unit_effect: () => null,
			customer_source_id: (voucher) => customerOf(ctx, voucher.holder_id)?.source_id,
		},
	});

/** `exported_object: 'publication'`: every code published to a visitor or customer, oldest first. */
export const publicationExport = (ctx: DomainContext) =>
	columnTable<PublicationRecord>({
		object: 'publication',
		defaultFields: ['voucher_code', 'customer_id', 'date', 'channel'],
		source: (context) => context.state.publications,
		columns: {
			voucher_code: (publication) => publication.voucher_code,
			customer_id: (publication) => publication.customer_id,
			customer_source_id: (publication) => customerOf(ctx, publication.customer_id)?.source_id,
			date: (publication) => publication.created_at,
			channel: (publication) => publication.channel,
			campaign: (publication) => ctx.state.vouchers.get(publication.voucher_code)?.campaign,
			is_winner: () => null,
			metadata: (publication) => metadataCell(publication.metadata),
		},
	});
