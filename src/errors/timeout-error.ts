import { VoucherifyError } from './voucherify-error.js';
import type { FailedRequest } from './api-error.js';

/** No answer within the `timeout` option; the request was aborted, so nothing it would have answered is applied. */
export class VoucherifyTimeoutError extends VoucherifyError {
	override name = 'VoucherifyTimeoutError';
	readonly request: FailedRequest;
	/** The limit that was exceeded, in milliseconds. */
	readonly timeout: number;

	constructor(request: FailedRequest, timeout: number) {
		super(`No answer from ${request.method} ${request.url} within ${timeout} ms`);
		this.request = request;
		this.timeout = timeout;
	}
}
