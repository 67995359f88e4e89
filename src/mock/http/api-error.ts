import { isDomainError, type DomainErrorKey } from '../domain/shared/errors.js';

/** Keys of errors only the HTTP layer raises. */
export type HttpErrorKey = 'unauthorized' | 'forbidden_origin' | 'not_found' | 'too_many_requests' | 'internal_error' | 'service_unavailable' | 'request_timeout';

/** What an error answer carries besides its status. */
export interface ApiErrorFields {
	readonly resource_id?: string;
	readonly resource_type?: string;
	/** A validation rule's own message. */
	readonly error?: { readonly message: string };
}

/** An error answer: status, the body's `key`/`message`/`details`, and extra headers such as `Retry-After`. */
export class ApiError extends Error {
	override readonly name = 'ApiError';

	constructor(
		readonly status: number,
		readonly key: DomainErrorKey | HttpErrorKey,
		message: string,
		readonly details: string,
		readonly fields: ApiErrorFields = {},
		readonly headers: Readonly<Record<string, string>> = {},
	) {
		super(message);
	}
}

const STATUS_BY_KEY: Partial<Record<DomainErrorKey, number>> = {
	not_found: 404,
	duplicate_found: 409,
};

/**
 * The answer for anything a handler threw. Domain errors map to 400 (404 for unknown resources,
 * 409 for duplicates); anything unexpected becomes a bare 500, never a stack trace.
 */
export function toApiError(error: unknown): ApiError {
	if (error instanceof ApiError) return error;
	if (isDomainError(error)) {
		const fields = {
			...(error.resource ? { resource_id: error.resource.id, resource_type: error.resource.type } : {}),
			...(error.ruleMessage === undefined ? {} : { error: { message: error.ruleMessage } }),
		};
		return new ApiError(STATUS_BY_KEY[error.key] ?? 400, error.key, error.message, error.details, fields);
	}
	return new ApiError(500, 'internal_error', 'Internal server error', 'The mock could not answer this request; its console says why');
}

/** The error body of CONTRACT §1: `{code, key, message, details, request_id, resource_id?, resource_type?}`. */
export const errorBody = (error: ApiError, requestId: string) => ({
	code: error.status,
	key: error.key,
	message: error.message,
	details: error.details,
	request_id: requestId,
	...error.fields,
});
