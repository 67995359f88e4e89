import type { Gift, StackableValidationResult, ValidationResult } from './types/validation-answers.js';
import type { ValidateParams } from './types/params.js';

/**
The body of `POST /client/v1/validations` that validates one code as `GET /client/v1/validate` did: one URL for every
code and cart, so the browser preflights it once and caches the answer (`Access-Control-Max-Age`).
`options.expand` asks for the campaign's name and id, which the legacy answer carries.
*/
export function stackBodyOf(params: ValidateParams, trackingId: string | undefined) {
	const { customer, session } = params;
	return {
		redeemables: [{ object: 'voucher', id: params.code }],
		order: { amount: params.amount, items: params.items, metadata: params.orderMetadata },
		customer: typeof customer === 'string' ? { source_id: customer } : customer,
		metadata: params.metadata,
		session: session && { type: 'LOCK', key: session.key, ttl: session.ttl, ttl_unit: session.ttlUnit },
		tracking_id: trackingId,
		options: { expand: ['redeemable'] },
	};
}

/**
The legacy `reason` from the error key: `voucher_expired` is `voucher expired`, `customer_rules_violated` is
`customer does not match validation rules`, `not_found` (`resource_not_found` before) is `voucher not found`, as
`GET /client/v1/validate` words them.
*/
const reasonOf = (key = '') =>
	key
		.replace(/_/g, ' ')
		.replace(/ rules violated$/, ' does not match validation rules')
		.replace(/^(resource )?(?=not)|^voucher (?=disabled)/, 'voucher is ')
		.replace('is not', 'not');

/** The one-code answer (`ValidationResult`) that a stack of that one voucher stands for. */
export function validationOf({ redeemables: [redeemable] = [], order, tracking_id, session }: StackableValidationResult, code: string): ValidationResult {
	const { status, result = {}, metadata = {}, campaign_name = null, campaign_id = null, applicable_to, inapplicable_to } = redeemable ?? {};
	const { error, gift, discount = null } = result;
	if (status !== 'APPLICABLE') return { valid: false, code, reason: reasonOf(error?.key), error, tracking_id, metadata };
	// `credits` is what the stack takes from a gift card; the one-code answer shows the card's funds only.
	const { credits: _credits, ...funds } = gift ?? {};
	const benefit = gift ? { gift: funds as Gift } : { discount };
	return { valid: true, code, campaign: campaign_name, campaign_id, ...benefit, applicable_to, inapplicable_to, order, tracking_id, metadata, session };
}
