/** The error keys the domain raises. The HTTP layer maps each one to a status code. */
export type DomainErrorKey =
	| 'invalid_payload'
	| 'invalid_query_params'
	| 'invalid_amount'
	| 'missing_amount'
	| 'not_found'
	| 'duplicate_found'
	| 'duplicate_source_id'
	| 'ambiguous_tracking_id'
	| 'campaign_not_publishable'
	| 'invalid_voucher'
	| 'invalid_export_fields'
	| RedeemableFailureKey;

/** Why a voucher or promotion tier cannot be applied to an order. */
export type RedeemableFailureKey =
	| 'not_found'
	| 'voucher_disabled'
	| 'voucher_not_active'
	| 'voucher_expired'
	| 'quantity_exceeded'
	| 'gift_amount_exceeded'
	| 'order_rules_violated'
	| 'customer_rules_violated'
	| 'promotion_inactive';

/** What the API says when a redeemable is not applicable: HTTP 200 on validation, an error on redemption. */
export interface RedeemableFailure {
	readonly key: RedeemableFailureKey;
	/** Short lowercase phrase, the `reason` of an invalid validation. */
	readonly reason: string;
	readonly message: string;
	readonly details: string;
	/** The validation rule's own message (its `error.message`), answered as `error.message` beside `message`. */
	readonly ruleMessage?: string;
}

/** The resource a `not_found` error is about. */
export interface ErrorResource {
	readonly id: string;
	readonly type: string;
}

/** A rule of the Voucherify domain was broken. Carries no HTTP concepts. */
export class DomainError extends Error {
	override readonly name = 'DomainError';

	constructor(
		readonly key: DomainErrorKey,
		message: string,
		readonly details: string = message,
		readonly resource?: ErrorResource,
		readonly ruleMessage?: string,
	) {
		super(message);
	}

	/** Turns a redeemable failure into the error a redemption answers with. */
	static fromFailure(failure: RedeemableFailure, resource?: ErrorResource): DomainError {
		return new DomainError(failure.key, failure.message, failure.details, resource, failure.ruleMessage);
	}
}

/** Checks `name` as well as the prototype, so the guard also holds across module copies. */
export const isDomainError = (value: unknown): value is DomainError =>
	value instanceof DomainError || (value instanceof Error && value.name === 'DomainError' && 'key' in value);

/** The error for an id or code that names nothing. */
export const notFound = (type: string, id: string): DomainError =>
	new DomainError('not_found', 'Resource not found', `Cannot find ${type} with id ${id}`, { id, type });
