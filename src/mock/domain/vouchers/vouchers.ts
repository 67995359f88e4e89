import { findAnyCampaign } from '../campaigns/campaign-lookup.js';
import type { DomainContext } from '../shared/context.js';
import { findCustomer } from '../customers/customers.js';
import { DomainError, notFound } from '../shared/errors.js';
import { assignValidationRule } from '../rules/validation-rules.js';
import { paginate, type Page, type PageQuery } from '../shared/paging.js';
import { createVoucher, type Voucher, type VoucherDefinition } from './voucher.js';

/** The voucher with this code; `not_found` when there is none. */
export function getVoucher(ctx: DomainContext, code: string): Voucher {
	const voucher = ctx.state.vouchers.get(code);
	if (!voucher) throw notFound('voucher', code);
	return voucher;
}

/** A code no voucher has yet. */
export function freshCode(ctx: DomainContext, prefix?: string, length?: number): string {
	for (;;) {
		const code = ctx.ids.voucherCode(prefix, length);
		if (!ctx.state.vouchers.has(code)) return code;
	}
}

/** `POST /v1/vouchers[/{code}]`: stores a new voucher; the code is generated when not given. */
export function addVoucher(ctx: DomainContext, definition: VoucherDefinition, holderId: string | null = null): Voucher {
	const code = definition.code ?? freshCode(ctx);
	if (ctx.state.vouchers.has(code)) throw new DomainError('duplicate_found', 'Duplicated resource found', `Voucher with code ${code} already exists`);
	const campaign = definition.campaign ? findAnyCampaign(ctx, definition.campaign) : undefined;
	for (const ruleId of definition.validation_rules ?? []) if (!ctx.state.validationRules.has(ruleId)) throw notFound('validation_rules', ruleId);
	const voucher = createVoucher(definition, { id: ctx.ids.voucher(), code, createdAt: ctx.now(), campaignId: campaign?.id ?? null, holderId });
	ctx.state.vouchers.set(code, voucher);
	for (const ruleId of definition.validation_rules ?? []) assignValidationRule(ctx, ruleId, 'voucher', code);
	return voucher;
}

/** Filters of `GET /client/v1/vouchers`. `customer` is a customer id, a source_id or a tracking id. */
export interface VoucherListQuery extends PageQuery {
	readonly campaign?: string;
	readonly category?: string;
	readonly customer?: string;
}

/** The codes published to a customer or tracking id. */
export function codesHeldBy(ctx: DomainContext, idOrTrackingId: string): Set<string> {
	const customer = findCustomer(ctx, idOrTrackingId);
	const owned = ctx.state.publications.filter((publication) => publication.tracking_id === idOrTrackingId || (customer !== undefined && publication.customer_id === customer.id));
	const held = [...ctx.state.vouchers.values()].filter((voucher) => customer !== undefined && voucher.holder_id === customer.id);
	return new Set([...owned.map((publication) => publication.voucher_code), ...held.map((voucher) => voucher.code)]);
}

/** `GET /client/v1/vouchers`: filtered and paged, in creation order. */
export function listVouchers(ctx: DomainContext, query: VoucherListQuery): Page<Voucher> {
	const held = query.customer === undefined ? undefined : codesHeldBy(ctx, query.customer);
	const matching = [...ctx.state.vouchers.values()].filter(
		(voucher) =>
			(query.campaign === undefined || voucher.campaign === query.campaign || voucher.campaign_id === query.campaign) &&
			(query.category === undefined || voucher.category === query.category) &&
			(held === undefined || held.has(voucher.code)),
	);
	return paginate(matching, query);
}
