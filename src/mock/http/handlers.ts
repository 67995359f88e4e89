import { http, type HttpHandler } from 'msw';
import { ApiError } from './api-error.js';
import { clientRoutes } from './client-routes.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { customerRoutes } from './customer-routes.js';
import { createRouter, errorResponse, jsonResponse, noContent, type HttpEnvironment } from './router.js';
import { serverRoutes } from './server-routes.js';
import { MSW_TRANSPORT, type Transport } from './transport.js';

/** The path of the test-only reset endpoint, served only by servers the mock starts itself. */
export const RESET_PATH = '/__mock/reset';

/** The answer for a path no route serves. */
export const notFoundError = (request: Request): ApiError =>
	new ApiError(404, 'not_found', 'Not found', `No route matches ${request.method} ${new URL(request.url).pathname}`);

/**
 * The mock API as msw handlers: CORS preflight, client routes, server routes. Unknown client paths
 * answer 404 here; unknown `/v1/*` paths fall through, so these handlers never swallow another
 * API's `/v1/` routes in a suite that mocks several.
 */
export function createApiHandlers(env: HttpEnvironment, baseUrl: string, transport: Transport = MSW_TRANSPORT): HttpHandler[] {
	const router = createRouter(env, baseUrl, transport);
	return [
		http.options(`${baseUrl}/client/v1/*`, ({ request }) => jsonResponse(noContent(), preflightHeaders(request))),
		...clientRoutes(env, router),
		http.all(`${baseUrl}/client/v1/*`, ({ request }) => errorResponse(env, notFoundError(request), corsHeaders(request))),
		...serverRoutes(env, router),
		...customerRoutes(env, router),
	];
}

/** What a server the mock runs itself answers besides the API: the reset endpoint, and 404 for everything else. */
export function createServerOnlyHandlers(env: HttpEnvironment, baseUrl: string, transport: Transport): HttpHandler[] {
	const router = createRouter(env, baseUrl, transport);
	return [
		router.control('post', RESET_PATH.replace('/__mock', ''), () => {
			env.reset();
			return noContent();
		}),
		http.all('*', ({ request }) => errorResponse(env, notFoundError(request), corsHeaders(request))),
	];
}
