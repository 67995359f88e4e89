import type { TierEntry } from '../vouchers/campaigns.js';
import type { Voucher } from '../vouchers/voucher.js';

/** What a redeemable reference resolved to: a voucher or a promotion tier with its campaign. */
export type RedeemableSubject = { readonly kind: 'voucher'; readonly voucher: Voucher } | { readonly kind: 'tier'; readonly entry: TierEntry };
