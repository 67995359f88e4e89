import { VoucherifyError } from './voucherify-error.js';
import type { FailedRequest } from './api-error.js';

/** No answer arrived: the browser is offline, DNS or TLS failed, CORS refused, or the connection dropped. */
export class VoucherifyNetworkError extends VoucherifyError {
	override name = 'VoucherifyNetworkError';
	readonly request: FailedRequest;

	constructor(message: string, request: FailedRequest, options?: { cause?: unknown }) {
		super(message, options);
		this.request = request;
	}
}
