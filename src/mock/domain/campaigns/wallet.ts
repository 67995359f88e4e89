import type { DomainContext } from '../shared/context.js';
import type { CustomerInput } from '../customers/customer.js';
import { requireCustomer, upsertCustomer } from '../customers/customers.js';
import type { Metadata } from '../orders/order.js';
import { publish, type Publication } from '../vouchers/publications.js';
import { codesHeldBy } from '../vouchers/vouchers.js';
import { findAnyCampaign } from './campaign-lookup.js';

/** `POST /v1/publications` body, read. */
export interface ServerPublicationRequest {
	readonly customer: CustomerInput;
	/** Campaign id or name. */
	readonly campaign: string;
	readonly channel?: string;
	readonly metadata?: Metadata;
}

/** `POST /v1/publications`: the customer is created (or upserted) first, then holds the published code. */
export function publishToCustomer(ctx: DomainContext, request: ServerPublicationRequest): Publication {
	const customer = request.customer.id !== undefined && Object.keys(request.customer).length === 1 ? requireCustomer(ctx, request.customer.id) : upsertCustomer(ctx, request.customer);
	return publish(ctx, { campaign: request.campaign, customer: { id: customer.id }, channel: request.channel ?? 'API', metadata: request.metadata ?? {} });
}

/** `GET /v1/customers/{id}/redeemables`: the codes published to the customer and the vouchers it holds, newest first. */
export function customerRedeemables(ctx: DomainContext, idOrSourceId: string, limit = 10) {
	const customer = requireCustomer(ctx, idOrSourceId);
	const codes = codesHeldBy(ctx, customer.id);
	const publishedAt = new Map(ctx.state.publications.filter((publication) => publication.customer_id === customer.id).map((publication) => [publication.voucher_code, publication]));
	const entries = [...codes].flatMap((code) => {
		const voucher = ctx.state.vouchers.get(code);
		if (!voucher) return [];
		const campaign = voucher.campaign_id === null ? undefined : findAnyCampaign(ctx, voucher.campaign_id);
		const publication = publishedAt.get(code);
		return [
			{
				id: publication?.id ?? `rh_${voucher.id}`,
				created_at: publication?.created_at ?? voucher.created_at,
				redeemable_id: voucher.id,
				redeemable_object: 'voucher',
				customer_id: customer.id,
				holder_role: 'OWNER',
				campaign_id: voucher.campaign_id,
				campaign_type: campaign?.campaign_type ?? null,
				voucher_type: voucher.type,
				redeemable: { type: 'voucher', voucher, status: voucher.active ? 'ACTIVE' : 'INACTIVE' },
			},
		];
	});
	entries.sort((left, right) => right.created_at.localeCompare(left.created_at));
	const data = entries.slice(0, limit);
	return { object: 'list', data_ref: 'data', data, total: entries.length, has_more: data.length < entries.length };
}
