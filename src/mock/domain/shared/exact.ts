/**
 * Integer arithmetic on amounts that stays exact where floating point would round: the inputs are
 * safe integers, the results are at most the amount they derive from, and BigInt does the rest.
 */

/** `Math.round(numerator / denominator)` (half up), exactly; both non-negative, denominator above zero. */
const roundedQuotient = (numerator: bigint, denominator: bigint): number => Number((2n * numerator + denominator) / (2n * denominator));

/** `amount / count`, rounded half up, exactly. */
export const divideRounded = (amount: number, count: number): number => roundedQuotient(BigInt(amount), BigInt(count));

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * `percent`% of `amount`, rounded half up, exactly: the percentage is taken as the decimal it is
 * written as (`12.5`, `33.33`), not as its nearest binary fraction.
 */
export function percentOf(amount: number, percent: number): number {
	const match = DECIMAL.exec(String(percent));
	if (!match) return Math.round((amount * percent) / 100);
	const [, whole = '', fraction = '', exponent = '0'] = match;
	const scale = Number(exponent) - fraction.length;
	const numerator = BigInt(amount) * BigInt(whole + fraction) * (scale > 0 ? 10n ** BigInt(scale) : 1n);
	return roundedQuotient(numerator, 100n * (scale < 0 ? 10n ** BigInt(-scale) : 1n));
}
