/** What a call asks of the transport, and the transport seam itself (tests swap it, not the internals). */

export type ApiRequest = {
	method: 'get' | 'post' | 'put';
	/** Path under `/client/v1`, without a leading slash. */
	path: string;
	/** An already encoded query string, without `?`. */
	query?: string;
	json?: unknown;
	/** A POST that may be repeated like a GET: it reads, and changes nothing (a validation). */
	idempotent?: boolean;
	headers?: Record<string, string>;
	signal?: AbortSignal | undefined;
	/** `fetch`'s `keepalive`: the request outlives the page. The caller checks the body fits (keepalive.ts). */
	keepalive?: boolean;
};

export type Transport = {
	send<T>(request: ApiRequest): Promise<T>;
};
