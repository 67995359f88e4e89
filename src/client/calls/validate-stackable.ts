import { VoucherifyInvalidInputError } from '../../errors/invalid-input-error.js';
import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { checkAmount, checkCode, checkCustomer, checkItems, checkMetadata, isPlainObject } from '../input.js';
import type { RequestOptions, StackableParams, StackableValidationResult } from '../types.js';

const REDEEMABLE_OBJECTS = new Set(['voucher', 'promotion_tier', 'promotion_stack']);
const MAX_REDEEMABLES = 30;

/** Checks the body shared by stackable validation and stackable redemption. */
export function normalizeStackableParams(input: unknown): StackableParams {
	if (!isPlainObject(input)) throw new VoucherifyInvalidInputError('params', 'Stackable calls take a params object with `redeemables`');
	const { redeemables, order, customer, metadata } = input;
	if (!Array.isArray(redeemables) || redeemables.length === 0 || redeemables.length > MAX_REDEEMABLES) {
		throw new VoucherifyInvalidInputError('redeemables', `\`redeemables\` must be an array of 1 to ${MAX_REDEEMABLES} entries`);
	}
	for (const [index, redeemable] of redeemables.entries()) {
		const field = `redeemables[${index}]`;
		if (!isPlainObject(redeemable) || !REDEEMABLE_OBJECTS.has(redeemable.object as string)) {
			throw new VoucherifyInvalidInputError(field, `\`${field}\` must be { object: 'voucher' | 'promotion_tier' | 'promotion_stack', id }`);
		}
		checkCode(redeemable.id, `${field}.id`);
	}
	if (order !== undefined) {
		if (!isPlainObject(order)) throw new VoucherifyInvalidInputError('order', '`order` must be an object');
		if (order.amount !== undefined) checkAmount(order.amount, 'order.amount');
		if (order.items !== undefined) checkItems(order.items, 'order.items');
		if (order.metadata !== undefined) checkMetadata(order.metadata, 'order.metadata');
	}
	if (customer !== undefined && typeof checkCustomer(customer) === 'string') {
		throw new VoucherifyInvalidInputError('customer', '`customer` must be an object such as { source_id }');
	}
	if (metadata !== undefined && !isPlainObject(metadata)) throw new VoucherifyInvalidInputError('metadata', '`metadata` must be an object');
	if ('tracking_id' in input) {
		throw new VoucherifyInvalidInputError('tracking_id', '`tracking_id` is set by the SDK; use setIdentity() to choose it');
	}
	return input as StackableParams;
}

/** `POST /client/v1/validations`: several codes and promotion tiers at once, with the tracking id in the body. */
export async function validateStackable(
	context: ClientContext,
	params: StackableParams,
	options?: RequestOptions,
): Promise<StackableValidationResult> {
	const body = normalizeStackableParams(params);
	const signal = signalOf(options);
	return withTrackingId(context, (trackingId) =>
		context.transport.send<StackableValidationResult>({
			method: 'post',
			path: 'validations',
			json: trackingId === undefined ? body : { ...body, tracking_id: trackingId },
			signal,
		}),
	);
}
