import type { DomainContext } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { Metadata } from '../orders/order.js';
import type { Discount } from '../orders/benefits.js';
import { assignValidationRule } from '../rules/validation-rules.js';
import { presentCampaign, type CampaignDefinition, type CodeConfig } from '../vouchers/campaigns.js';
import type { Voucher } from '../vouchers/voucher.js';
import { addVoucher } from '../vouchers/vouchers.js';
import { findAnyCampaign, requireCampaign } from './campaign-lookup.js';
import { freshCampaignCode } from './codes.js';

/** `POST /v1/campaigns` body, read. */
export interface CampaignInput {
	readonly name: string;
	readonly campaign_type: 'DISCOUNT_COUPONS' | 'GIFT_VOUCHERS';
	readonly description?: string;
	readonly metadata?: Metadata;
	readonly voucher: {
		readonly discount?: Discount;
		readonly gift?: { readonly amount: number };
		readonly code_config?: CodeConfig;
		readonly redemption_quantity?: number | null;
	};
	/** Codes generated at creation, besides those publications generate later. */
	readonly vouchers_count?: number;
	readonly validation_rules?: readonly string[];
}

const vouchersOf = (ctx: DomainContext, campaign: CampaignDefinition): Voucher[] => [...ctx.state.vouchers.values()].filter((voucher) => voucher.campaign_id === campaign.id);

/** Generates one voucher of the campaign from its template. */
export function generateVoucher(ctx: DomainContext, campaign: CampaignDefinition, config: CodeConfig, holderId: string | null = null): Voucher {
	const template = campaign.voucher;
	if (!template) throw new DomainError('campaign_not_publishable', 'Campaign not publishable', `Campaign ${campaign.name} has no codes to publish`);
	return addVoucher(
		ctx,
		{
			code: freshCampaignCode(ctx, config),
			...(template.gift ? { gift: { amount: template.gift.amount }, type: 'GIFT_VOUCHER' as const } : { discount: template.discount }),
			campaign: campaign.name,
			redemption: { quantity: template.redemption_quantity },
		},
		holderId,
	);
}

/** A campaign as `/v1/campaigns` answers it: the client API's view plus its voucher template and counts. */
export function presentCampaignResource(ctx: DomainContext, campaign: CampaignDefinition) {
	const assignments = [...ctx.state.ruleAssignments.values()].filter((assignment) => assignment.related_object_type === 'campaign' && assignment.related_object_id === campaign.id);
	const template = campaign.voucher;
	return {
		...presentCampaign(campaign),
		created_at: campaign.created_at ?? null,
		vouchers_generation_status: 'DONE',
		vouchers_count: vouchersOf(ctx, campaign).length,
		voucher: template
			? {
					type: template.gift ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER',
					discount: template.discount ?? null,
					gift: template.gift ? { amount: template.gift.amount, effect: 'APPLY_TO_ORDER' } : null,
					code_config: { length: 8, ...(template.code_config ?? { prefix: template.code_prefix, length: template.code_length }) },
					redemption: { quantity: template.redemption_quantity },
				}
			: null,
		validation_rules_assignments: { object: 'list', data_ref: 'data', data: assignments, total: assignments.length },
	};
}

/** `POST /v1/campaigns`: stores the campaign, generates `vouchers_count` codes and assigns `validation_rules`. */
export function createCampaign(ctx: DomainContext, input: CampaignInput): CampaignDefinition {
	if (findAnyCampaign(ctx, input.name)) throw new DomainError('duplicate_found', 'Duplicated resource found', `Campaign with name ${input.name} already exists`);
	for (const ruleId of input.validation_rules ?? []) if (!ctx.state.validationRules.has(ruleId)) throw notFound('validation_rules', ruleId);
	const config = input.voucher.code_config ?? {};
	const campaign: CampaignDefinition = {
		id: ctx.ids.campaign(),
		name: input.name,
		campaign_type: input.campaign_type,
		description: input.description ?? '',
		voucher: {
			...(input.voucher.discount ? { discount: input.voucher.discount } : {}),
			...(input.voucher.gift ? { gift: input.voucher.gift } : {}),
			code_prefix: config.prefix ?? '',
			code_length: config.length ?? 8,
			code_config: config,
			redemption_quantity: input.voucher.redemption_quantity ?? null,
		},
		created_at: ctx.now().toISOString(),
		metadata: input.metadata ?? {},
	};
	ctx.state.campaigns.set(campaign.id, campaign);
	for (let index = 0; index < (input.vouchers_count ?? 0); index++) generateVoucher(ctx, campaign, config);
	for (const ruleId of input.validation_rules ?? []) assignValidationRule(ctx, ruleId, 'campaign', campaign.id);
	return campaign;
}

/** `DELETE /v1/campaigns/{id}`: the campaign, its vouchers and its rule assignments go. Fixture campaigns cannot be deleted. */
export function deleteCampaign(ctx: DomainContext, idOrName: string): void {
	const campaign = requireCampaign(ctx, idOrName);
	if (!ctx.state.campaigns.has(campaign.id)) throw new DomainError('invalid_payload', 'Invalid payload', `Campaign ${campaign.name} is one of the mock's fixtures, which stay`);
	for (const voucher of vouchersOf(ctx, campaign)) ctx.state.vouchers.delete(voucher.code);
	for (const [id, assignment] of ctx.state.ruleAssignments) {
		if (assignment.related_object_type === 'campaign' && (assignment.related_object_id === campaign.id || assignment.related_object_id === campaign.name)) ctx.state.ruleAssignments.delete(id);
	}
	ctx.state.campaigns.delete(campaign.id);
}
