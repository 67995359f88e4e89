import type { DomainContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { GiftBalance, VoucherTransaction } from './transaction-record.js';
import type { Voucher } from './voucher.js';
import { getVoucher } from './vouchers.js';

export type { GiftBalance, VoucherTransaction } from './transaction-record.js';

/** `POST /v1/vouchers/{code}/balance` body, read. */
export interface BalanceInput {
	readonly amount: number;
	readonly reason?: string;
	readonly source_id?: string;
}

const balanceOf = (voucher: Voucher, amount: number): GiftBalance => ({
	type: 'gift_voucher',
	amount,
	total: voucher.gift?.amount ?? 0,
	balance: voucher.gift?.balance ?? 0,
	object: 'balance',
	related_object: { id: voucher.id, type: 'voucher' },
});

function append(ctx: DomainContext, code: string, transaction: VoucherTransaction): void {
	ctx.state.voucherTransactions.set(code, [...(ctx.state.voucherTransactions.get(code) ?? []), transaction]);
}

/** Records the credits a redemption took from a gift card; `voucher` is the card after the redemption. */
export function recordGiftRedemption(ctx: DomainContext, voucher: Voucher, credits: number, redemptionId: string, order: { readonly id: string; readonly source_id?: string | null }): void {
	if (!voucher.gift) return;
	append(ctx, voucher.code, {
		id: ctx.ids.transaction(),
		source_id: null,
		voucher_id: voucher.id,
		campaign_id: voucher.campaign_id,
		source: null,
		reason: null,
		type: 'CREDITS_REDEMPTION',
		details: { balance: balanceOf(voucher, -credits), order: { id: order.id, source_id: order.source_id ?? null }, redemption: { id: redemptionId } },
		related_transaction_id: null,
		created_at: ctx.now().toISOString(),
	});
}

/** `POST /v1/vouchers/{code}/balance`: adds credits to a gift card (amount and balance alike). */
export function addGiftBalance(ctx: DomainContext, code: string, input: BalanceInput): GiftBalance & { readonly operation_type: 'MANUAL' } {
	const current = getVoucher(ctx, code);
	if (!current.gift) throw new DomainError('invalid_voucher', 'Invalid voucher', `Voucher ${code} is not a gift voucher; only gift cards have a balance to add to`);
	const voucher: Voucher = {
		...current,
		gift: { ...current.gift, amount: current.gift.amount + input.amount, balance: current.gift.balance + input.amount },
		updated_at: ctx.now().toISOString(),
	};
	ctx.state.vouchers.set(code, voucher);
	const balance = { ...balanceOf(voucher, input.amount), operation_type: 'MANUAL' as const };
	append(ctx, code, {
		id: ctx.ids.transaction(),
		source_id: input.source_id ?? null,
		voucher_id: voucher.id,
		campaign_id: voucher.campaign_id,
		source: 'API',
		reason: input.reason ?? null,
		type: 'CREDITS_ADDITION',
		details: { balance },
		related_transaction_id: null,
		created_at: voucher.updated_at ?? ctx.now().toISOString(),
	});
	return balance;
}

/** `GET /v1/vouchers/{code}/transactions` query. */
export interface TransactionQuery {
	readonly limit?: number;
	readonly order?: 'id' | '-id';
	readonly starting_after_id?: string;
}

/** The voucher's transactions, newest first unless `order: 'id'`, paged by cursor. */
export function listTransactions(ctx: DomainContext, code: string, query: TransactionQuery) {
	getVoucher(ctx, code);
	const all = [...(ctx.state.voucherTransactions.get(code) ?? [])];
	const ordered = query.order === 'id' ? all : all.reverse();
	const start = query.starting_after_id === undefined ? 0 : ordered.findIndex((transaction) => transaction.id === query.starting_after_id) + 1;
	const limit = query.limit ?? 10;
	const data = ordered.slice(start, start + limit);
	const has_more = start + limit < ordered.length;
	return { object: 'list' as const, data_ref: 'data' as const, data, has_more, ...(has_more && data.length > 0 ? { more_starting_after: data[data.length - 1]?.id } : {}) };
}
