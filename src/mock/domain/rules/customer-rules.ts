import { findAnyCampaign } from '../campaigns/campaign-lookup.js';
import { allTiers } from '../vouchers/campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { createCustomer, withFields, type Customer, type CustomerInput } from '../customers/customer.js';
import { findCustomerById, findCustomerBySourceId } from '../customers/customers.js';
import { notFound, type RedeemableFailure } from '../shared/errors.js';
import type { RedeemableSubject } from '../validations/redeemable-subject.js';
import { evaluateRuleLogic } from './logic.js';
import { matchesFilter } from '../segments/filter.js';
import { eventCountsOf, segmentIdsOf } from '../segments/segments.js';
import { ownerOf } from '../tracking/tracking.js';
import { compileRules, type AssignmentTarget, type CompiledRule, type ValidationRule } from './validation-rules.js';

/** Who customer rules are evaluated against: the profile as the call sees it, and its segments. */
export interface ResolvedRuleCustomer {
	/** The stored customer with the call's own customer fields upserted; a visitor's fields alone when it is anonymous. */
	readonly customer: Customer;
	readonly stored: boolean;
	readonly segmentIds: readonly string[];
}

/** The customer rules are evaluated against, resolved only when a redeemable has rules: most calls never need it. */
export type RuleCustomer = () => ResolvedRuleCustomer;

function resolveRuleCustomer(ctx: DomainContext, input: CustomerInput | undefined, trackingId: string | undefined): ResolvedRuleCustomer {
	const named = input?.id !== undefined ? findCustomerById(ctx, input.id) : input?.source_id !== undefined ? findCustomerBySourceId(ctx, input.source_id) : undefined;
	const stored = named ?? (trackingId === undefined ? undefined : ownerOf(ctx, trackingId));
	const now = ctx.now();
	if (stored) return { customer: withFields(stored, input ?? {}, now), stored: true, segmentIds: segmentIdsOf(ctx, stored.id) };
	return { customer: createCustomer('', input?.source_id ?? trackingId ?? null, input ?? {}, now), stored: false, segmentIds: [] };
}

/**
 * The customer a call resolves to (CONTRACT §7): named by `customer.id` or `customer.source_id`, else
 * the owner of the tracking id. An anonymous visitor belongs to no segment; its call's metadata still counts.
 */
export function ruleCustomerOf(ctx: DomainContext, input: CustomerInput | undefined, trackingId: string | undefined): RuleCustomer {
	let resolved: ResolvedRuleCustomer | undefined;
	return () => (resolved ??= resolveRuleCustomer(ctx, input, trackingId));
}

/** The ids an assignment may name for this redeemable, per target. */
function targetsOf(subject: RedeemableSubject): Readonly<Record<AssignmentTarget, readonly (string | null)[]>> {
	if (subject.kind === 'tier') return { voucher: [], campaign: [subject.entry.campaign.id, subject.entry.campaign.name], promotion_tier: [subject.entry.tier.id] };
	const { voucher } = subject;
	return { voucher: [voucher.code, voucher.id], campaign: [voucher.campaign_id, voucher.campaign], promotion_tier: [] };
}

/** The rules assigned to a voucher (directly or through its campaign) or a promotion tier. */
export function rulesAssignedTo(ctx: DomainContext, subject: RedeemableSubject): ValidationRule[] {
	if (ctx.state.ruleAssignments.size === 0) return [];
	const targets = targetsOf(subject);
	const ruleIds = new Set<string>();
	for (const assignment of ctx.state.ruleAssignments.values()) {
		if (targets[assignment.related_object_type].includes(assignment.related_object_id)) ruleIds.add(assignment.rule_id);
	}
	return [...ruleIds].flatMap((id) => ctx.state.validationRules.get(id) ?? []);
}

function ruleHolds(ctx: DomainContext, rule: CompiledRule, who: ResolvedRuleCustomer): boolean {
	if (rule.kind === 'segment') return rule.segmentIds.some((id) => who.segmentIds.includes(id)) === rule.member;
	const eventCounts = who.stored ? eventCountsOf(ctx, who.customer.id) : {};
	return matchesFilter(rule.filter, { customer: who.customer, eventCounts }, ctx.now());
}

/** `customer_rules_violated` when a rule assigned to the redeemable does not hold for the customer. */
export function checkCustomerRules(ctx: DomainContext, subject: RedeemableSubject, who: RuleCustomer): RedeemableFailure | undefined {
	for (const rule of rulesAssignedTo(ctx, subject)) {
		const compiled = compileRules(ctx, rule.rules, { lenient: true });
		if (evaluateRuleLogic(compiled.logic, (key) => ruleHolds(ctx, compiled.rules.get(key) as CompiledRule, who()))) continue;
		return {
			key: 'customer_rules_violated',
			reason: 'customer does not match validation rules',
			message: 'Customer does not match validation rules',
			...(rule.error?.message === undefined ? {} : { ruleMessage: rule.error.message }),
			details: `The customer does not satisfy validation rule ${rule.id} (${rule.name})`,
		};
	}
	return undefined;
}

/** An assignment must name something that exists: a voucher code, a campaign id or name, a promotion tier id. */
export function assertAssignable(ctx: DomainContext, target: AssignmentTarget, id: string): void {
	const exists =
		target === 'voucher'
			? ctx.state.vouchers.has(id)
			: target === 'promotion_tier'
				? allTiers(ctx.catalog.campaigns).some(({ tier }) => tier.id === id)
				: findAnyCampaign(ctx, id) !== undefined || [...ctx.state.vouchers.values()].some((voucher) => voucher.campaign === id || voucher.campaign_id === id);
	if (!exists) throw notFound(target, id);
}
