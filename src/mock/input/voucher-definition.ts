import type { Discount } from '../domain/orders/benefits.js';
import type { VoucherDefinition, VoucherType } from '../domain/vouchers/voucher.js';
import type { InputReader } from './reader.js';

const DISCOUNT_TYPES = ['PERCENT', 'AMOUNT', 'UNIT'] as const;
const VOUCHER_TYPES = ['DISCOUNT_VOUCHER', 'GIFT_VOUCHER'] as const;

function readPositiveInteger(read: InputReader, value: unknown, path: string): number {
	const number = read.integer(value, path);
	if (number === undefined || number === 0) throw read.invalid(path, 'a positive integer');
	return number;
}

function readDiscount(read: InputReader, value: unknown, path: string): Discount | undefined {
	const discount = read.object(value, path);
	if (!discount) return undefined;
	const type = read.oneOf(discount.type, `${path}.type`, DISCOUNT_TYPES);
	switch (type) {
		case 'PERCENT': {
			const percentOff = read.positiveNumber(discount.percent_off, `${path}.percent_off`);
			if (percentOff === undefined || percentOff > 100) throw read.invalid(`${path}.percent_off`, 'a number above 0 and at most 100');
			const limit = discount.amount_limit === undefined ? undefined : readPositiveInteger(read, discount.amount_limit, `${path}.amount_limit`);
			return { type, percent_off: percentOff, ...(limit === undefined ? {} : { amount_limit: limit }) };
		}
		case 'AMOUNT':
			return { type, amount_off: readPositiveInteger(read, discount.amount_off, `${path}.amount_off`) };
		case 'UNIT':
			return { type, unit_off: readPositiveInteger(read, discount.unit_off, `${path}.unit_off`), unit_type: read.requiredString(discount.unit_type, `${path}.unit_type`) };
		default:
			throw read.invalid(`${path}.type`, `one of ${DISCOUNT_TYPES.join(', ')}`);
	}
}

function readDate(read: InputReader, value: unknown, path: string): string | null | undefined {
	if (value === null) return null;
	const text = read.string(value, path);
	if (text !== undefined && Number.isNaN(Date.parse(text))) throw read.invalid(path, 'an ISO 8601 date');
	return text;
}

function readRedemption(read: InputReader, value: unknown, path: string): VoucherDefinition['redemption'] {
	const redemption = read.object(value, path);
	if (!redemption) return undefined;
	const quantity = redemption.quantity === null ? null : read.integer(redemption.quantity, `${path}.quantity`);
	const redeemed = read.integer(redemption.redeemed_quantity, `${path}.redeemed_quantity`);
	return { ...(quantity === undefined ? {} : { quantity }), ...(redeemed === undefined ? {} : { redeemed_quantity: redeemed }) };
}

function readGift(read: InputReader, value: unknown, path: string): VoucherDefinition['gift'] {
	const gift = read.object(value, path);
	if (!gift) return undefined;
	const amount = readPositiveInteger(read, gift.amount, `${path}.amount`);
	const balance = read.integer(gift.balance, `${path}.balance`);
	if (balance !== undefined && balance > amount) throw read.invalid(`${path}.balance`, `at most gift.amount (${amount})`);
	return { amount, ...(balance === undefined ? {} : { balance }) };
}

/** Reads a voucher definition: a fixture, a `--fixtures` entry or a `POST /v1/vouchers` body. */
export function readVoucherDefinition(read: InputReader, value: unknown, path: string, code?: string): VoucherDefinition {
	const voucher = read.requiredObject(value, path);
	const discount = readDiscount(read, voucher.discount, `${path}.discount`);
	const gift = readGift(read, voucher.gift, `${path}.gift`);
	const type: VoucherType | undefined = read.oneOf(voucher.type, `${path}.type`, VOUCHER_TYPES);
	const kind = type ?? (gift ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER');
	if (kind === 'GIFT_VOUCHER' && !gift) throw read.invalid(`${path}.gift`, 'an object for a GIFT_VOUCHER');
	if (kind === 'DISCOUNT_VOUCHER' && !discount) throw read.invalid(`${path}.discount`, 'an object for a DISCOUNT_VOUCHER');
	if (discount && gift) throw read.invalid(path, 'a voucher with either a discount or a gift, not both');
	const definition: VoucherDefinition = {
		code: code ?? read.string(voucher.code, `${path}.code`),
		type: kind,
		discount,
		gift,
		campaign: read.nullableString(voucher.campaign, `${path}.campaign`),
		category: read.nullableString(voucher.category, `${path}.category`),
		start_date: readDate(read, voucher.start_date, `${path}.start_date`),
		expiration_date: readDate(read, voucher.expiration_date, `${path}.expiration_date`),
		active: read.boolean(voucher.active, `${path}.active`),
		redemption: readRedemption(read, voucher.redemption, `${path}.redemption`),
		metadata: read.metadata(voucher.metadata, `${path}.metadata`),
		validation_rules: read.list(voucher.validation_rules, `${path}.validation_rules`)?.map((id, index) => read.requiredString(id, `${path}.validation_rules[${index}]`)),
	};
	if (definition.code !== undefined && definition.code.trim() === '') throw read.invalid(`${path}.code`, 'a non-empty string');
	return Object.fromEntries(Object.entries(definition).filter(([, field]) => field !== undefined)) as VoucherDefinition;
}
