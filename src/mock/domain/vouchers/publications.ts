import { requireCampaign } from '../campaigns/campaign-lookup.js';
import { generateVoucher } from '../campaigns/campaign-store.js';
import { codeConfigOf } from '../campaigns/codes.js';
import type { DomainContext } from '../shared/context.js';
import { referenceTo, type CustomerInput, type CustomerReference } from '../customers/customer.js';
import { requireCustomer } from '../customers/customers.js';
import { DomainError } from '../shared/errors.js';
import type { Metadata } from '../orders/order.js';
import type { PublicationRecord } from '../shared/state.js';
import { ownerOf, resolveTrackingId } from '../tracking/tracking.js';
import type { Voucher } from './voucher.js';

/** `POST /client/v1/publish?campaign=NAME`. */
export interface PublishRequest {
	/** Campaign name or id. */
	readonly campaign: string;
	readonly customer?: CustomerInput;
	readonly channel?: string;
	readonly metadata?: Metadata;
}

/** A publication as the API answers it. */
export interface Publication {
	readonly id: string;
	readonly object: 'publication';
	readonly created_at: string;
	readonly customer_id: string | null;
	readonly tracking_id: string;
	readonly metadata: Metadata;
	readonly channel: string;
	readonly source_id: null;
	readonly result: 'SUCCESS';
	readonly customer: CustomerReference;
	readonly vouchers_id: readonly string[];
	readonly voucher: Voucher;
}

/** The reference to a visitor who is not a customer yet. */
export const anonymousReference = (trackingId: string): CustomerReference => ({ id: null, source_id: trackingId, object: 'customer' });

/** A code the campaign generated up front (`vouchers_count`) that nobody holds yet. */
const unpublishedVoucherOf = (ctx: DomainContext, campaignId: string): Voucher | undefined =>
	[...ctx.state.vouchers.values()].find((voucher) => voucher.campaign_id === campaignId && voucher.holder_id === null && voucher.publish.count === 0);

/**
 * Gives the visitor a code of the campaign: one generated up front, else a new one from the campaign's template. Publishing does not
 * create a customer: the code is held by the tracking id until a redemption merges it into one.
 */
export function publish(ctx: DomainContext, request: PublishRequest): Publication {
	const campaign = requireCampaign(ctx, request.campaign);
	if (!campaign.voucher) throw new DomainError('campaign_not_publishable', 'Campaign not publishable', `Campaign ${campaign.name} has no codes to publish`);
	const named = request.customer?.id === undefined ? undefined : requireCustomer(ctx, request.customer.id);
	const trackingId = resolveTrackingId(ctx, undefined, named?.source_id ?? request.customer?.source_id);
	const owner = named ?? ownerOf(ctx, trackingId);
	const voucher = unpublishedVoucherOf(ctx, campaign.id) ?? generateVoucher(ctx, campaign, codeConfigOf(campaign));
	const published: Voucher = { ...voucher, holder_id: owner?.id ?? null, publish: { count: voucher.publish.count + 1 } };
	ctx.state.vouchers.set(published.code, published);
	const record: PublicationRecord = {
		id: ctx.ids.publication(),
		created_at: ctx.now().toISOString(),
		voucher_code: published.code,
		campaign_id: campaign.id,
		tracking_id: trackingId,
		customer_id: owner?.id ?? null,
		channel: request.channel ?? 'API',
		metadata: request.metadata ?? {},
	};
	ctx.state.publications.push(record);
	return {
		id: record.id,
		object: 'publication',
		created_at: record.created_at,
		customer_id: record.customer_id,
		tracking_id: trackingId,
		metadata: record.metadata,
		channel: record.channel,
		source_id: null,
		result: 'SUCCESS',
		customer: owner ? referenceTo(owner) : anonymousReference(trackingId),
		vouchers_id: [published.id],
		voucher: published,
	};
}
