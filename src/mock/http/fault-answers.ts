import type { MockCore } from '../domain/mock-core.js';
import type { FaultInjector } from '../faults/injector.js';
import type { FaultKind } from '../faults/options.js';
import { ApiError, errorBody } from './api-error.js';
import { tooManyRequests } from './rate-limiter.js';
import type { Transport } from './transport.js';

/** A client call as it arrives, before anything else happens to it: what `onClientCall` sees. */
export interface ClientCall {
	readonly method: string;
	readonly url: string;
	/** The caller's address: the socket's over `start()`, `X-Forwarded-For` or `unknown` under msw. */
	readonly address: string;
	/** The injected fault that will answer it, if any. */
	readonly fault: FaultKind | undefined;
	/** The injected latency, in milliseconds. */
	readonly delayMs: number;
}

/** What fault injection reads of the router's `HttpEnvironment`: declared here, so the import goes one way (router → here). */
export interface FaultEnvironment {
	readonly core: MockCore;
	readonly faults: () => FaultInjector | undefined;
	readonly onClientCall?: (call: ClientCall) => void;
}

/** A proxy's error page, as a browser behind a broken gateway would get it. */
const BAD_GATEWAY_PAGE = '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

/** The body a cut answer was going to have; only its first half is ever sent. */
const CUT_BODY = JSON.stringify({ valid: true, code: 'CUT-SHORT', tracking_id: 'track_never+delivered==', note: 'This answer was cut short by fault injection' });
const CUT_HALF = CUT_BODY.slice(0, Math.floor(CUT_BODY.length / 2));

const injected = (option: string) => `Injected by the mock's fault injection (faults.${option})`;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', done);
			resolve();
		};
		const timer = setTimeout(done, ms);
		signal.addEventListener('abort', done, { once: true });
	});
}

/** The answer for one injected fault. None of them runs the domain, so none changes the state. */
function faultAnswer(env: FaultEnvironment, transport: Transport, fault: FaultKind, retryAfterSeconds: number, cors: Readonly<Record<string, string>>): Response {
	// Not the router's errorResponse: an injected 5xx is expected, not worth a line on the console.
	const error = (apiError: ApiError) =>
		new Response(JSON.stringify(errorBody(apiError, env.core.ids.requestId())), {
			status: apiError.status,
			headers: { ...cors, ...apiError.headers, 'Content-Type': 'application/json; charset=utf-8' },
		});
	const retryAfter = { 'Retry-After': String(retryAfterSeconds) };
	switch (fault) {
		case '500':
			return error(new ApiError(500, 'internal_error', 'Internal server error', injected('fail500')));
		case '503':
			return error(new ApiError(503, 'service_unavailable', 'Service unavailable', injected('fail503'), {}, retryAfter));
		case '429':
			return error(tooManyRequests(injected('fail429'), retryAfterSeconds));
		case 'html':
			return new Response(BAD_GATEWAY_PAGE, { status: 502, headers: { ...cors, 'Content-Type': 'text/html; charset=utf-8' } });
		case 'truncated':
			return new Response(CUT_HALF, { status: 200, headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8' } });
		case 'reset':
			return transport.resetMidResponse(new Response(CUT_BODY, { status: 200, headers: { ...cors, 'Content-Type': 'application/json; charset=utf-8' } }));
	}
}

/**
 * Runs the fault plan of a client call before anything else does: waits the injected latency, then
 * answers with the injected fault, if any. Resolves to `undefined` when the call should go on.
 *
 * Every fault is decided and answered before the domain runs, the connection reset included: a
 * faulted call records no activity and redeems nothing. A caller that gives up during the latency
 * (a client timeout) is not processed either.
 */
export async function injectFault(env: FaultEnvironment, transport: Transport, request: Request, cors: Readonly<Record<string, string>>): Promise<Response | undefined> {
	const injector = env.faults();
	const plan = injector?.draw() ?? { delayMs: 0, fault: undefined };
	env.onClientCall?.({ method: request.method, url: request.url, address: transport.clientAddress(request), ...plan });
	if (!injector) return undefined;
	if (plan.delayMs > 0) {
		await sleep(plan.delayMs, request.signal);
		if (request.signal.aborted) return Response.error();
	}
	return plan.fault && faultAnswer(env, transport, plan.fault, injector.settings.retryAfterSeconds, cors);
}
