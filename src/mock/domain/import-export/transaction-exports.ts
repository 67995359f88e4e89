import type { DomainContext } from '../shared/context.js';
import type { VoucherTransaction } from '../vouchers/transaction-record.js';
import { columnTable } from './export-filters.js';

/**
 * `exported_object: 'voucher_transactions'`: every gift card's balance changes and redemptions, oldest first.
 * (The API reference's default list also names `status`, which is no field of a transaction; the mock leaves it out.)
 */
export const transactionExport = () =>
	columnTable<VoucherTransaction>({
		object: 'voucher_transactions',
		defaultFields: ['id', 'type', 'source_id', 'reason', 'source', 'balance', 'amount', 'created_at'],
		source: (ctx: DomainContext) => [...ctx.state.voucherTransactions.values()].flat().sort((left, right) => Date.parse(left.created_at) - Date.parse(right.created_at)),
		columns: {
			id: (transaction) => transaction.id,
			campaign_id: (transaction) => transaction.campaign_id,
			voucher_id: (transaction) => transaction.voucher_id,
			type: (transaction) => transaction.type,
			source_id: (transaction) => transaction.source_id,
			reason: (transaction) => transaction.reason,
			source: (transaction) => transaction.source,
			balance: (transaction) => transaction.details.balance.balance,
			amount: (transaction) => transaction.details.balance.amount,
			related_transaction_id: (transaction) => transaction.related_transaction_id,
			created_at: (transaction) => transaction.created_at,
			details: (transaction) => transaction.details,
		},
	});

/** `exported_object: 'points_expiration'`: loyalty point buckets. The mock has no loyalty cards (out of scope), so the file has its header and no rows. */
export const pointsExpirationExport = () =>
	columnTable<never>({
		object: 'points_expiration',
		defaultFields: ['id', 'campaign_id', 'voucher_id', 'status', 'expires_at', 'points'],
		source: () => [],
		columns: { id: () => null, campaign_id: () => null, voucher_id: () => null, points: () => null, status: () => null, expires_at: () => null },
	});
