import { addReductions, computeReduction, isReduction, noReduction, type Benefit, type Reduction } from '../orders/benefits.js';
import { allTiers, checkTier } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { checkCustomerRules, type RuleCustomer } from '../rules/customer-rules.js';
import { DomainError, type RedeemableFailure } from '../shared/errors.js';
import type { Order } from '../orders/order.js';
import type { RedeemableSubject } from './redeemable-subject.js';
import { checkVoucher } from '../vouchers/voucher.js';

/** A voucher code or a promotion tier id, as `redeemables` lists them. */
export interface RedeemableRef {
	readonly object: 'voucher' | 'promotion_tier';
	readonly id: string;
}

/** The thing a reference resolved to. */
export type { RedeemableSubject } from './redeemable-subject.js';

/** A redeemable that applies, with what it takes off. */
export interface ApplicableRedeemable {
	readonly ref: RedeemableRef;
	readonly status: 'APPLICABLE';
	readonly subject: RedeemableSubject;
	readonly reduction: Reduction;
}

/** A redeemable that does not apply, and why. */
export interface InapplicableRedeemable {
	readonly ref: RedeemableRef;
	readonly status: 'INAPPLICABLE';
	readonly subject?: RedeemableSubject;
	readonly failure: RedeemableFailure;
}

/** One entry of a stack, checked. */
export type EvaluatedRedeemable = ApplicableRedeemable | InapplicableRedeemable;

/** A stack checked against an order. When one redeemable is inapplicable none applies. */
export interface StackEvaluation {
	readonly order: Order;
	readonly valid: boolean;
	readonly redeemables: readonly EvaluatedRedeemable[];
	/** What the applicable redeemables take off together; nothing when the stack is invalid. */
	readonly total: Reduction;
}

/** The real API accepts up to 5 redeemables per request (more on some plans). */
export const MAX_STACK_SIZE = 5;

/** Rejects an empty, oversize or repetitive stack. */
export function assertStackShape(refs: readonly RedeemableRef[]): void {
	if (refs.length === 0 || refs.length > MAX_STACK_SIZE) {
		throw new DomainError('invalid_payload', 'Invalid payload', `redeemables must list between 1 and ${MAX_STACK_SIZE} items`);
	}
	const keys = new Set(refs.map((ref) => `${ref.object}:${ref.id}`));
	if (keys.size !== refs.length) throw new DomainError('invalid_payload', 'Invalid payload', 'redeemables must not repeat an item');
}

const tierNotFound = (id: string): RedeemableFailure => ({
	key: 'not_found',
	reason: 'promotion tier not found',
	message: 'Resource not found',
	details: `Cannot find promotion_tier with id ${id}`,
});

function resolveSubject(ctx: DomainContext, ref: RedeemableRef, order: Order): { subject?: RedeemableSubject; failure?: RedeemableFailure } {
	if (ref.object === 'voucher') {
		const voucher = ctx.state.vouchers.get(ref.id);
		const failure = checkVoucher(ref.id, voucher, ctx.now());
		return { ...(voucher ? { subject: { kind: 'voucher', voucher } } : {}), ...(failure ? { failure } : {}) };
	}
	const entry = allTiers(ctx.catalog.campaigns).find(({ tier }) => tier.id === ref.id);
	if (!entry) return { failure: tierNotFound(ref.id) };
	const failure = checkTier(entry.tier, order);
	return { subject: { kind: 'tier', entry }, ...(failure ? { failure } : {}) };
}

/** The discount or gift credits a subject offers. */
export function benefitOf(subject: RedeemableSubject): Benefit {
	if (subject.kind === 'tier') return { kind: 'discount', discount: subject.entry.tier.discount };
	const { voucher } = subject;
	return voucher.gift ? { kind: 'gift', balance: voucher.gift.balance } : { kind: 'discount', discount: voucher.discount ?? { type: 'AMOUNT', amount_off: 0 } };
}

/**
 * Checks each redeemable in turn; each discount applies to what the previous ones left. `who` is the
 * customer the call resolves to, for the validation rules assigned to a redeemable (none: anonymous).
 */
export function evaluateStack(ctx: DomainContext, refs: readonly RedeemableRef[], order: Order, who?: RuleCustomer): StackEvaluation {
	let total = noReduction(order);
	const redeemables = refs.map((ref): EvaluatedRedeemable => {
		const resolved = resolveSubject(ctx, ref, order);
		const { subject } = resolved;
		const failure = resolved.failure ?? (subject && who ? checkCustomerRules(ctx, subject, who) : undefined);
		if (failure || !subject) return { ref, status: 'INAPPLICABLE', ...(subject ? { subject } : {}), failure: failure ?? tierNotFound(ref.id) };
		const reduction = computeReduction(benefitOf(subject), order, total);
		if (!isReduction(reduction)) return { ref, status: 'INAPPLICABLE', subject, failure: reduction };
		total = addReductions(total, reduction);
		return { ref, status: 'APPLICABLE', subject, reduction };
	});
	const valid = redeemables.every((redeemable) => redeemable.status === 'APPLICABLE');
	return { order, valid, redeemables, total: valid ? total : noReduction(order) };
}

/** The first reason a stack is invalid. */
export const firstFailure = (evaluation: StackEvaluation): InapplicableRedeemable | undefined =>
	evaluation.redeemables.find((redeemable): redeemable is InapplicableRedeemable => redeemable.status === 'INAPPLICABLE');

/** Evaluates a single redeemable. */
export function evaluateOne(ctx: DomainContext, ref: RedeemableRef, order: Order, who?: RuleCustomer): { evaluation: StackEvaluation; redeemable: EvaluatedRedeemable } {
	const evaluation = evaluateStack(ctx, [ref], order, who);
	const [redeemable] = evaluation.redeemables;
	if (!redeemable) throw new Error('evaluateStack answers one entry per reference');
	return { evaluation, redeemable };
}
