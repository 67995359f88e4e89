import { VoucherifyApiError, type ApiErrorBody, type FailedRequest } from './api-error.js';

/** The API answered `429` twice in a row: the SDK already waited and retried once. */
export class VoucherifyRateLimitError extends VoucherifyApiError {
	override name = 'VoucherifyRateLimitError';
	/** Seconds the API asked to wait (`Retry-After`), when it said. */
	readonly retryAfter: number | undefined;

	constructor(body: ApiErrorBody, request: FailedRequest, retryAfter: number | undefined) {
		super(429, body, request);
		this.retryAfter = retryAfter;
	}
}
