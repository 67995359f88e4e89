import { MAX_AMOUNT } from '../../../shared/money.js';
import type { CustomerSummary } from '../customers/customer.js';
import { DomainError } from '../shared/errors.js';
import { divideRounded } from '../shared/exact.js';

/** The activity types of CONTRACT §5, and the profile's own lifecycle (§8). */
export type ActivityType =
	| 'customer.created'
	| 'customer.updated'
	| 'customer.deleted'
	| 'customer.validation.succeeded'
	| 'customer.validation.failed'
	| 'customer.redemption.succeeded'
	| 'customer.redemption.failed'
	| 'customer.custom_event';

/** One entry of `GET /v1/customers/{id}/activity`. */
export interface Activity {
	readonly id: string;
	readonly type: ActivityType;
	readonly data: Readonly<Record<string, unknown>>;
	readonly created_at: string;
}

/** The summary after one more activity: validations and redemptions are counted from their activity. */
export function countActivity(summary: CustomerSummary, activity: Activity): CustomerSummary {
	const { redemptions, validations } = summary;
	switch (activity.type) {
		case 'customer.validation.succeeded':
			return { ...summary, validations: { ...validations, total_succeeded: validations.total_succeeded + 1 } };
		case 'customer.validation.failed':
			return { ...summary, validations: { ...validations, total_failed: validations.total_failed + 1 } };
		case 'customer.redemption.succeeded': {
			const giftAmount = typeof activity.data.gift_amount === 'number' ? activity.data.gift_amount : 0;
			return {
				...summary,
				redemptions: {
					...redemptions,
					total_redeemed: redemptions.total_redeemed + 1,
					total_succeeded: redemptions.total_succeeded + 1,
					gift: { ...redemptions.gift, redeemed_amount: redemptions.gift.redeemed_amount + giftAmount },
				},
			};
		}
		case 'customer.redemption.failed':
			return {
				...summary,
				redemptions: { ...redemptions, total_redeemed: redemptions.total_redeemed + 1, total_failed: redemptions.total_failed + 1 },
			};
		case 'customer.custom_event':
		case 'customer.created':
		case 'customer.updated':
		case 'customer.deleted':
			return summary;
	}
}

/**
 * Refuses an order the customer's lifetime totals could not count exactly: `orders.total_amount`,
 * and `gift.redeemed_amount` (gift credits never exceed the order amount), stay at most MAX_AMOUNT.
 */
export function assertRoomForOrder(summary: CustomerSummary, amount: number): void {
	const largest = Math.max(summary.orders.total_amount, summary.redemptions.gift.redeemed_amount);
	if (largest + amount > MAX_AMOUNT) {
		throw new DomainError('invalid_payload', 'Invalid payload', `order.amount would take the customer's lifetime totals past ${MAX_AMOUNT}, the largest exact amount`);
	}
}

/** The summary after one more order. */
export function countOrder(summary: CustomerSummary, amount: number, date: Date): CustomerSummary {
	const totalAmount = summary.orders.total_amount + amount;
	const totalCount = summary.orders.total_count + 1;
	return {
		...summary,
		orders: {
			total_amount: totalAmount,
			total_count: totalCount,
			average_amount: divideRounded(totalAmount, totalCount),
			last_order_amount: amount,
			last_order_date: date.toISOString(),
		},
	};
}

/** Oldest first; entries with equal timestamps keep the order they were recorded in. */
export const chronological = (activities: readonly Activity[]): Activity[] =>
	[...activities].sort((left, right) => Date.parse(left.created_at) - Date.parse(right.created_at));
