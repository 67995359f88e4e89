import { refuse } from '../errors/invalid-input-error.js';
import type { Discount, Gift } from './types/validation-answers.js';

/** The parts of a voucher (or a validation result) that price arithmetic needs. */
export type PricedVoucher = { discount?: Discount | null; gift?: Pick<Gift, 'balance'> | null };

const CENTS = 100;
const roundToCents = (value: number): number => Math.round((value + Number.EPSILON) * CENTS) / CENTS;

const positive = (value: unknown, field: string): number => {
	if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) refuse(field, 'must be a number above zero');
	return value as number;
};

/**
The discount a voucher gives on `basePrice`, with voucherify.js's units: prices in major units (`49.99`), the voucher's
`amount_off`, `amount_limit` and gift `balance` in minor units (cents). Never more than `basePrice`.

@example
```
calculateDiscount(200, { discount: { type: 'PERCENT', percent_off: 10, amount_limit: 1500 } }); // 15
```
*/
export function calculateDiscount(basePrice: number, voucher: PricedVoucher, unitPrice?: number): number {
	if (typeof basePrice !== 'number' || !(basePrice >= 0) || !Number.isFinite(basePrice)) {
		refuse('basePrice', 'must be a number of zero or more');
	}
	const { discount, gift } = voucher ?? {};
	let off = NaN;
	if (gift) {
		off = Math.max(gift.balance, 0) / CENTS;
	} else if (discount?.type === 'PERCENT') {
		const percent = positive(discount.percent_off, 'discount.percent_off');
		if (percent > 100) refuse('discount.percent_off', 'must be at most 100');
		off = (basePrice * percent) / 100;
		if (discount.amount_limit) off = Math.min(off, discount.amount_limit / CENTS);
	} else if (discount?.type === 'AMOUNT') {
		off = positive(discount.amount_off, 'discount.amount_off') / CENTS;
	} else if (discount?.type === 'UNIT') {
		off = positive(discount.unit_off, 'discount.unit_off') * positive(unitPrice, 'unitPrice');
	}
	// Also catches a gift without a balance (NaN) and a negative amount_limit (a negative discount, a price above the base).
	if (!(off >= 0)) refuse('voucher', 'has no usable PERCENT, AMOUNT or UNIT discount or gift balance');
	return roundToCents(Math.min(off, basePrice));
}

/** `basePrice` after the voucher's discount, never below zero; same units as `calculateDiscount`. */
export const calculatePrice = (basePrice: number, voucher: PricedVoucher, unitPrice?: number): number =>
	roundToCents(basePrice - calculateDiscount(basePrice, voucher, unitPrice));
