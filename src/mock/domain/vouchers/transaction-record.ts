/** A gift card's balance after a change, as transactions and `POST /v1/vouchers/{code}/balance` show it. */
export interface GiftBalance {
	readonly type: 'gift_voucher';
	/** What the change added (positive) or took (negative). */
	readonly amount: number;
	/** The card's credits in all, `gift.amount` after the change. */
	readonly total: number;
	readonly balance: number;
	readonly object: 'balance';
	readonly related_object: { readonly id: string; readonly type: 'voucher' };
}

/** One gift card transaction, as `GET /v1/vouchers/{code}/transactions` lists it. */
export interface VoucherTransaction {
	readonly id: string;
	readonly source_id: string | null;
	readonly voucher_id: string;
	readonly campaign_id: string | null;
	readonly source: 'API' | null;
	readonly reason: string | null;
	readonly type: 'CREDITS_ADDITION' | 'CREDITS_REDEMPTION';
	readonly details: {
		readonly balance: GiftBalance & { readonly operation_type?: 'MANUAL' };
		readonly order?: { readonly id: string; readonly source_id: string | null };
		readonly redemption?: { readonly id: string };
	};
	readonly related_transaction_id: null;
	readonly created_at: string;
}
