import type { DomainContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { CampaignDefinition } from '../vouchers/campaigns.js';

/** Every campaign: the fixtures' and those created since. */
export const allCampaigns = (ctx: DomainContext): CampaignDefinition[] => [...ctx.catalog.campaigns, ...ctx.state.campaigns.values()];

/** A campaign by id or name, fixture or created. */
export const findAnyCampaign = (ctx: DomainContext, idOrName: string): CampaignDefinition | undefined =>
	allCampaigns(ctx).find((campaign) => campaign.id === idOrName || campaign.name === idOrName);

/** The campaign by id or name; `not_found` when there is none. */
export function requireCampaign(ctx: DomainContext, idOrName: string): CampaignDefinition {
	const campaign = findAnyCampaign(ctx, idOrName);
	if (!campaign) throw notFound('campaign', idOrName);
	return campaign;
}
