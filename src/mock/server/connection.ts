import type { Transport } from '../http/transport.js';
import { UNKNOWN_ADDRESS } from '../http/transport.js';

/**
 * How the `node:http` server talks to the handlers it serves, through headers only it sets or reads:
 * requests carry the socket's remote address; an answer marked for a reset is cut mid-body. Both
 * headers are dropped from what clients send and from what they receive, so no client can set them.
 */
export const ADDRESS_HEADER = 'x-voucherify-mock-remote-address';
export const RESET_HEADER = 'x-voucherify-mock-reset';

/** Headers a client may not send and never sees. */
export const isInternalHeader = (name: string): boolean => name.toLowerCase().startsWith('x-voucherify-mock-');

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same IPv4 client. */
export const normalizeAddress = (address: string | undefined): string => address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') || UNKNOWN_ADDRESS;

/** The transport of handlers served by the mock's own server. */
export const NODE_TRANSPORT: Transport = Object.freeze({
	clientAddress: (request: Request) => request.headers.get(ADDRESS_HEADER) ?? UNKNOWN_ADDRESS,
	resetMidResponse(answer: Response) {
		answer.headers.set(RESET_HEADER, '1');
		return answer;
	},
});
