import { VoucherifyError } from './voucherify-error.js';

/** The error body the Voucherify API sends with every non-2xx answer. */
export type ApiErrorBody = {
	code?: number;
	key?: string;
	message?: string;
	details?: string;
	request_id?: string;
	resource_id?: string;
	resource_type?: string;
	error?: { message?: string };
};

/** The call that failed, without headers: they carry the client token. */
export type FailedRequest = {
	method: string;
	url: string;
};

/**
The API answered with an HTTP error status (4xx or 5xx), or with a body that is not JSON.

An invalid voucher is not an error: `validate()` resolves with `{ valid: false, reason }`.
*/
export class VoucherifyApiError extends VoucherifyError {
	override name = 'VoucherifyApiError';
	/** The HTTP status of the answer. */
	readonly status: number;
	/** The API's `key`, such as `invalid_amount` or `not_found`; `invalid_response` when the body was not JSON. */
	readonly key: string | undefined;
	/** The API's `code` field (usually equal to `status`). */
	readonly code: number | undefined;
	readonly details: string | undefined;
	/** The API's request id (`v-…`), the thing to quote to Voucherify support. */
	readonly requestId: string | undefined;
	/** The whole error body as the API sent it. */
	readonly body: ApiErrorBody;
	readonly request: FailedRequest;

	constructor(status: number, body: ApiErrorBody, request: FailedRequest) {
		const message = body.message ?? body.error?.message ?? `The Voucherify API answered ${status}`;
		super(body.details ? `${message}: ${body.details}` : message);
		this.status = status;
		this.key = body.key;
		this.code = body.code;
		this.details = body.details;
		this.requestId = body.request_id;
		this.body = body;
		this.request = request;
	}
}
