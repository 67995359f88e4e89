import { VoucherifyInvalidInputError } from '../../errors/invalid-input-error.js';
import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { checkBody, checkCode, isPlainObject } from '../input.js';
import { fitsKeepalive } from '../keepalive.js';
import type { RequestOptions, StackableParams } from '../types/params.js';
import type { StackableRedemptionResult } from '../types/answers.js';
import type { StackableValidationResult } from '../types/validation-answers.js';

const REDEEMABLE_OBJECTS = new Set(['voucher', 'promotion_tier', 'promotion_stack']);
const MAX_REDEEMABLES = 30;

/** Checks the body shared by stackable validation and stackable redemption. */
function normalizeStackableParams(input: unknown): StackableParams {
	const body = checkBody(input);
	const { redeemables } = body;
	if (!Array.isArray(redeemables) || redeemables.length === 0 || redeemables.length > MAX_REDEEMABLES) {
		throw new VoucherifyInvalidInputError('redeemables', `\`redeemables\` must be an array of 1 to ${MAX_REDEEMABLES} entries`);
	}
	const checked = redeemables.map((redeemable: unknown, index) => {
		const field = `redeemables[${index}]`;
		if (!isPlainObject(redeemable) || !REDEEMABLE_OBJECTS.has(redeemable.object as string)) {
			throw new VoucherifyInvalidInputError(field, `\`${field}\` must be { object: 'voucher' | 'promotion_tier' | 'promotion_stack', id }`);
		}
		// Trimmed like every other code the SDK sends.
		return { ...redeemable, id: checkCode(redeemable.id, `${field}.id`) };
	});
	return { ...body, redeemables: checked } as StackableParams;
}

const stackable =
	<T extends { tracking_id?: unknown }>(path: 'validations' | 'redemptions') =>
	// async, so bad params reject the returned promise rather than throw before the caller can `.catch()` them.
	async (context: ClientContext, params: StackableParams, options?: RequestOptions): Promise<T> => {
		const body = normalizeStackableParams(params);
		const signal = signalOf(options);
		return withTrackingId(context, signal, (trackingId) => {
			const json = { ...body, tracking_id: trackingId };
			// A redemption outlives the page that starts it; a validation is the page's own to read.
			return context.transport.send<T>({ method: 'post', path, json, signal, keepalive: path === 'redemptions' && fitsKeepalive(json) });
		});
	};

/** `POST /client/v1/validations`: several codes and promotion tiers at once, with the tracking id in the body. */
export const validateStackable = stackable<StackableValidationResult>('validations');

/** `POST /client/v1/redemptions`: redeems what `validateStackable` accepted, with the tracking id in the body. */
export const redeemStackable = stackable<StackableRedemptionResult>('redemptions');
