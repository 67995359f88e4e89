import { allTiers, presentTier, type PromotionTier } from './campaigns.js';
import type { DomainContext } from '../shared/context.js';
import { paginate, type Page, type PageQuery } from '../shared/paging.js';

/** Orderings `GET /client/v1/promotions/tiers` accepts. The mock's tiers never change, so both dates are the same. */
export const TIER_ORDERS = ['created_at', '-created_at', 'updated_at', '-updated_at'] as const;

/** Filters of `GET /client/v1/promotions/tiers`. */
export interface TierListQuery extends PageQuery {
	/** `true`: only tiers that are active now; `false`: only the others. */
	readonly isAvailable?: boolean;
	readonly order?: (typeof TIER_ORDERS)[number];
}

/** Every fixture tier is active and has no dates, so all of them are available. */
export function listTiers(ctx: DomainContext, query: TierListQuery): Page<PromotionTier> {
	const tiers = allTiers(ctx.catalog.campaigns)
		.filter(() => query.isAvailable !== false)
		.map(({ tier, campaign }) => presentTier(tier, campaign));
	return paginate(query.order?.startsWith('-') ? tiers.reverse() : tiers, query);
}
