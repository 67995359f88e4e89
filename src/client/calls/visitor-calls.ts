import { VoucherifyInvalidInputError } from '../../errors/invalid-input-error.js';
import { withTrackingId, signalOf, type ClientContext } from '../context.js';
import { checkBody, checkCode, checkCustomerInput, checkObject, checkText, snapshotInput } from '../input.js';
import { fitsKeepalive } from '../keepalive.js';
import { toQueryString } from '../query.js';
import type { Customer, PublicationResult, RedemptionResult, TrackedEvent } from '../types/answers.js';
import type { CustomerInput, PublishParams, RedeemParams, RequestOptions, TrackParams } from '../types/params.js';

/** The client API has no `tracking_id` field on these bodies: the visitor is named by `customer.source_id`. */
export const asVisitor = <T extends { customer?: CustomerInput }>(body: T, trackingId: string | undefined): T =>
	trackingId === undefined || body.customer?.source_id !== undefined || body.customer?.id !== undefined
		? body
		: { ...body, customer: { ...body.customer, source_id: trackingId } };

const postAsVisitor = async <T>(
	context: ClientContext,
	path: string,
	body: Record<string, unknown>,
	options: RequestOptions | undefined,
	query?: string,
): Promise<T> => {
	const signal = signalOf(options);
	return withTrackingId(context, signal, (trackingId) => {
		const json = asVisitor(body, trackingId);
		// Redeem, publish and events are what a page sends as it is left: their requests outlive it.
		return context.transport.send<T & { tracking_id?: unknown }>({ method: 'post', path, query, json, signal, keepalive: fitsKeepalive(json) });
	});
};

/**
`POST /client/v1/redeem?code=…` (when the project allows client-side redemption). The visitor goes in
`customer.source_id`; this legacy route takes no body `tracking_id`.
*/
export const redeem = async (context: ClientContext, code: string, params?: RedeemParams, options?: RequestOptions) =>
	postAsVisitor<RedemptionResult>(context, 'redeem', checkBody(params), options, toQueryString([['code', checkCode(code)]]));

/** `POST /client/v1/publish?campaign=…`: gives the visitor a code from the campaign. */
export async function publish(context: ClientContext, campaign: string, params?: PublishParams, options?: RequestOptions) {
	const body = checkBody(params);
	const query = toQueryString([['campaign', checkText(campaign, 'campaign')]]);
	return postAsVisitor<PublicationResult>(context, 'publish', { channel: 'voucherify-browser', ...body }, options, query);
}

/** `POST /client/v1/events`: records a custom event for the visitor (the API creates an unknown customer). */
export async function track(context: ClientContext, event: string, params?: TrackParams, options?: RequestOptions) {
	const name = checkText(event, 'event');
	const body = checkBody(params);
	checkObject(body.referral, 'referral');
	checkObject(body.loyalty, 'loyalty');
	if ('event' in body) throw new VoucherifyInvalidInputError('event', '`event` is the first argument of track(), not a param');
	return postAsVisitor<TrackedEvent>(context, 'events', { event: name, ...body }, options);
}

/** `POST /client/v1/customers`, optionally asking for double opt-in; `source_id` defaults to the visitor. */
export async function createCustomer(
	context: ClientContext,
	customer: CustomerInput,
	params?: { doubleOptIn?: boolean } | boolean,
	options?: RequestOptions,
) {
	// The customer is the whole body here: required, and, like every other body, without a caller-chosen tracking_id.
	// One reading of the argument: checked, then sent, from the same copy.
	const input = snapshotInput(customer) as CustomerInput;
	checkCustomerInput(input ?? null);
	checkBody(input);
	const signal = signalOf(options);
	// `@voucherify/sdk` takes the flag itself: `createCustomer(customer, enableDoubleOptIn)`.
	const { doubleOptIn = false } = typeof params === 'boolean' ? { doubleOptIn: params } : checkObject(params, 'params');
	if (typeof doubleOptIn !== 'boolean') throw new VoucherifyInvalidInputError('doubleOptIn', '`doubleOptIn` must be true or false');
	const headers = doubleOptIn ? { 'X-Voucherify-Double-Opt-In': 'true' } : undefined;
	return withTrackingId(context, signal, (trackingId) =>
		context.transport.send<Customer & { tracking_id?: unknown }>({
			method: 'post',
			path: 'customers',
			json: asVisitor({ customer: input }, trackingId).customer,
			headers,
			signal,
		}),
	);
}
