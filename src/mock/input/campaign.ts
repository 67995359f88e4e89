import type { CampaignInput } from '../domain/campaigns/campaign-store.js';
import type { ServerPublicationRequest } from '../domain/campaigns/wallet.js';
import type { BalanceInput } from '../domain/vouchers/transactions.js';
import { readCustomer } from './customer.js';
import { bodyReader as body } from './reader.js';

type Json = Record<string, unknown>;
import { readVoucherDefinition } from './voucher-definition.js';

const CAMPAIGN_TYPES = ['DISCOUNT_COUPONS', 'GIFT_VOUCHERS'] as const;

/** `POST /v1/campaigns`: a coupon or gift card campaign with its `voucher` template and `code_config`. */
export function readCampaignBody(json: Json): CampaignInput {
	const campaignType = body.oneOf(json.campaign_type, 'campaign_type', CAMPAIGN_TYPES);
	if (!campaignType) throw body.invalid('campaign_type', `one of ${CAMPAIGN_TYPES.join(', ')}`);
	const voucher = body.requiredObject(json.voucher, 'voucher');
	const template = readVoucherDefinition(body, { ...voucher, code_config: undefined, type: voucher.type ?? (campaignType === 'GIFT_VOUCHERS' ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER') }, 'voucher');
	const config = body.object(voucher.code_config ?? json.code_config, 'voucher.code_config');
	const length = body.integer(config?.length, 'voucher.code_config.length');
	const charset = body.string(config?.charset, 'voucher.code_config.charset');
	if (charset !== undefined && (charset.length === 0 || charset.length > 256)) throw body.invalid('voucher.code_config.charset', 'from 1 to 256 symbols');
	const rules = body.list(json.validation_rules, 'validation_rules')?.map((id, index) => body.requiredString(id, `validation_rules[${index}]`));
	const codeConfig = Object.fromEntries(
		Object.entries({ prefix: body.string(config?.prefix, 'voucher.code_config.prefix'), suffix: body.string(config?.suffix, 'voucher.code_config.suffix'), length, charset, pattern: body.string(config?.pattern, 'voucher.code_config.pattern') }).filter(([, value]) => value !== undefined),
	);
	return {
		name: body.requiredString(json.name, 'name'),
		campaign_type: campaignType,
		...(json.description === undefined ? {} : { description: body.string(json.description, 'description') ?? '' }),
		...(json.metadata === undefined ? {} : { metadata: body.metadata(json.metadata, 'metadata') ?? {} }),
		voucher: {
			...(template.discount ? { discount: template.discount } : {}),
			...(template.gift ? { gift: { amount: template.gift.amount } } : {}),
			code_config: codeConfig,
			redemption_quantity: template.redemption?.quantity ?? null,
		},
		...(json.vouchers_count === undefined ? {} : { vouchers_count: body.integer(json.vouchers_count, 'vouchers_count') ?? 0 }),
		...(rules ? { validation_rules: rules } : {}),
	};
}

/** `POST /v1/publications`: `{customer, campaign: {name} | name, channel?, metadata?}`. */
export function readServerPublication(json: Json): ServerPublicationRequest {
	const customer = readCustomer(body, json.customer);
	if (!customer) throw body.invalid('customer', 'an object');
	const campaign = typeof json.campaign === 'string' ? json.campaign : body.requiredString(body.requiredObject(json.campaign, 'campaign').name, 'campaign.name');
	const channel = body.string(json.channel, 'channel');
	const metadata = body.metadata(json.metadata, 'metadata');
	return { customer, campaign, ...(channel ? { channel } : {}), ...(metadata ? { metadata } : {}) };
}

/** `POST /v1/vouchers/{code}/balance`: `{amount, reason?, source_id?}`, a positive amount. */
export function readBalanceBody(json: Json): BalanceInput {
	const amount = body.integer(json.amount, 'amount');
	if (amount === undefined || amount <= 0) throw body.invalid('amount', 'a positive integer');
	const reason = body.string(json.reason, 'reason');
	const sourceId = body.string(json.source_id, 'source_id');
	return { amount, ...(reason === undefined ? {} : { reason }), ...(sourceId === undefined ? {} : { source_id: sourceId }) };
}
