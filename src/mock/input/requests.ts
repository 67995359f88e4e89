import { MAX_AMOUNT } from '../../shared/money.js';
import type { CustomerInput } from '../domain/customers/customer.js';
import { DomainError } from '../domain/shared/errors.js';
import type { CustomEventRequest } from '../domain/tracking/events.js';
import type { PageQuery } from '../domain/shared/paging.js';
import type { PublishRequest } from '../domain/vouchers/publications.js';
import { QUALIFICATION_EXPANDS, type QualificationRequest } from '../domain/validations/qualifications.js';
import type { RedeemableRef } from '../domain/validations/redeemables.js';
import type { RedemptionRequest } from '../domain/validations/redemption.js';
import type { ValidationRequest } from '../domain/validations/validation.js';
import { readCustomer } from './customer.js';
import { assertExactAmounts, readItems, readOrder } from './order.js';
import type { QueryObject } from './query-string.js';
import { bodyReader as body, queryInteger, queryReader as query } from './reader.js';
import { readRedeemables } from './redeemables.js';
import { readSession } from './session.js';

type Json = Record<string, unknown>;

/** Drops absent fields, so optional properties stay absent rather than `undefined`. */
const defined = <T extends object>(fields: T): T =>
	Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/** The validate query's `amount` has its own error key in the real API. */
function readQueryAmount(value: unknown): number | undefined {
	if (value === undefined) return undefined;
	const amount = queryInteger(value);
	if (amount === undefined) throw new DomainError('invalid_amount', 'Invalid amount', `amount must be an integer from 0 to ${MAX_AMOUNT} in minor units (cents)`);
	return amount;
}

/** `GET /validate` and `GET /promotions/validation`: CONTRACT §1 query grammar. */
export function readValidationQuery(params: QueryObject): ValidationRequest & { code?: string } {
	const orderParams = query.object(params.order, 'order');
	const amount = readQueryAmount(params.amount);
	const items = readItems(query, params.item, 'item');
	const metadata = query.metadata(orderParams?.metadata, 'order[metadata]');
	assertExactAmounts(query, { ...(amount === undefined ? {} : { amount }), ...(items ? { items } : {}) }, { amount: 'amount', items: 'item' });
	return defined({
		code: query.string(params.code, 'code')?.trim(),
		trackingId: query.string(params.tracking_id, 'tracking_id') || undefined,
		order: defined({ amount, items, metadata }),
		customer: readCustomer(query, params.customer),
		metadata: query.metadata(params.metadata, 'metadata'),
		session: readSession(query, { type: params.session_type, key: params.session_key, ttl: params.session_ttl, ttlUnit: params.session_ttl_unit }, 'session_'),
	});
}

function readBodySession(json: Json) {
	const session = body.object(json.session, 'session');
	return session && readSession(body, { type: session.type, key: session.key, ttl: session.ttl, ttlUnit: session.ttl_unit }, 'session.');
}

/** `POST /validations`: the stack and the rest of the request. */
export function readStackValidation(json: Json): { refs: RedeemableRef[]; request: ValidationRequest } {
	return {
		refs: readRedeemables(body, json.redeemables),
		request: defined({
			order: readOrder(body, json.order),
			customer: readCustomer(body, json.customer),
			trackingId: body.string(json.tracking_id, 'tracking_id') || undefined,
			metadata: body.metadata(json.metadata, 'metadata'),
			session: readBodySession(json),
		}),
	};
}

/** The body of a single-voucher redemption: `{customer?, order?, metadata?}`. */
export function readVoucherRedemption(json: Json, trackingId: string | undefined, channel: RedemptionRequest['channel']): Omit<RedemptionRequest, 'redeemables'> {
	return defined({
		order: readOrder(body, json.order),
		customer: readCustomer(body, json.customer),
		metadata: body.metadata(json.metadata, 'metadata'),
		trackingId: trackingId || undefined,
		channel,
	});
}

/**
The tracking id of `POST /v1/vouchers/{code}/redemption`: the query's or the body's (how `@voucherify/sdk` sends it),
which count alike; two different ones are refused rather than one silently chosen.
*/
export function readRedemptionTrackingId(fromQuery: string | undefined, json: Json): string | undefined {
	const fromBody = body.string(json.tracking_id, 'tracking_id');
	if (fromQuery && fromBody && fromQuery !== fromBody) {
		throw new DomainError('invalid_payload', 'Invalid payload', 'The tracking_id in the query and the tracking_id in the body differ');
	}
	return fromQuery || fromBody || undefined;
}

/** `POST /redemptions`: the stack, the customer, the order and the body `tracking_id`. */
export function readStackRedemption(json: Json, channel: RedemptionRequest['channel']): RedemptionRequest {
	return { ...readVoucherRedemption(json, body.string(json.tracking_id, 'tracking_id'), channel), redeemables: readRedeemables(body, json.redeemables) };
}

/** `POST /publish?campaign=` body. */
export const readPublish = (json: Json, campaign: string): PublishRequest =>
	defined({
		campaign,
		customer: readCustomer(body, json.customer),
		channel: body.string(json.channel, 'channel'),
		metadata: body.metadata(json.metadata, 'metadata'),
	});

/** `POST /events` body. */
export function readCustomEvent(json: Json): CustomEventRequest {
	body.object(json.referral, 'referral');
	body.object(json.loyalty, 'loyalty');
	return defined({
		event: body.requiredString(json.event, 'event'),
		customer: readCustomer(body, json.customer),
		metadata: body.metadata(json.metadata, 'metadata'),
	});
}

/** `options.filters.code.conditions.$in`: the codes a server-side qualification looks at. */
function readCodeFilter(filters: Json | undefined): string[] | undefined {
	const conditions = body.object(body.object(filters?.code, 'options.filters.code')?.conditions, 'options.filters.code.conditions');
	return body.list(conditions?.$in, 'options.filters.code.conditions.$in')?.map((code, index) => body.requiredString(code, `options.filters.code.conditions.$in[${index}]`));
}

const throwMissing = (path: string): never => {
	throw body.invalid(path, `one of ${QUALIFICATION_EXPANDS.join(', ')}`);
};

/** `POST /qualifications` body: order, customer, tracking id, and `options` (`limit`, `filters.code`, `expand`). */
export function readQualification(json: Json): QualificationRequest {
	const options = body.object(json.options, 'options');
	return defined({
		order: readOrder(body, json.order),
		customer: readCustomer(body, json.customer),
		trackingId: body.string(json.tracking_id, 'tracking_id') || undefined,
		limit: body.integer(options?.limit, 'options.limit'),
		codes: readCodeFilter(body.object(options?.filters, 'options.filters')),
		expand: body.list(options?.expand, 'options.expand')?.map((value, index) => body.oneOf(value, `options.expand[${index}]`, QUALIFICATION_EXPANDS) ?? throwMissing(`options.expand[${index}]`)),
	});
}

/** A customer body (`POST /customers`, `PUT /customers/{id}`): the customer object is the body itself. */
export const readCustomerBody = (json: Json): CustomerInput => readCustomer(body, json, 'body') ?? {};

/** `PUT /customers/{id}/consents` body: `{[consentId]: boolean}`. */
export function readConsents(json: Json): Record<string, boolean> {
	return Object.fromEntries(
		Object.entries(json).map(([id, value]) => {
			const choice = body.boolean(value, id);
			if (choice === undefined) throw body.invalid(id, 'true or false');
			return [id, choice];
		}),
	);
}

/** `limit` (1–100, default 10) and `page` (from 1) of list endpoints. */
export function readPage(params: QueryObject, defaultLimit = 10): PageQuery {
	const limit = query.integer(params.limit, 'limit') ?? defaultLimit;
	const page = query.integer(params.page, 'page') ?? 1;
	if (limit < 1 || limit > 100) throw query.invalid('limit', 'an integer from 1 to 100');
	if (page < 1) throw query.invalid('page', 'an integer of at least 1');
	return { limit, page };
}
