import { http, type HttpHandler } from 'msw';
import { ApiError } from './api-error.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { createRouter, errorResponse, jsonResponse, noContent, type HttpEnvironment, type Router } from './router.js';
import { campaignRoutes } from './routes/campaigns.js';
import { customerRoutes } from './routes/customers.js';
import { eventRoutes } from './routes/events.js';
import { importExportRoutes } from './routes/import-export.js';
import { redemptionRoutes } from './routes/redemptions.js';
import { segmentRoutes } from './routes/segments.js';
import { validationRuleRoutes } from './routes/validation-rules.js';
import { validationRoutes } from './routes/validations.js';
import { voucherRoutes } from './routes/vouchers.js';
import { MSW_TRANSPORT, type Transport } from './transport.js';

/** Every resource's routes, client and server alike; one file each under `routes/`. */
const RESOURCES: ReadonlyArray<(env: HttpEnvironment, router: Router) => HttpHandler[]> = [
	validationRoutes,
	redemptionRoutes,
	campaignRoutes,
	voucherRoutes,
	eventRoutes,
	customerRoutes,
	segmentRoutes,
	validationRuleRoutes,
	importExportRoutes,
];

/** The path of the test-only reset endpoint, served only by servers the mock starts itself. */
export const RESET_PATH = '/__mock/reset';

/** The answer for a path no route serves. */
export const notFoundError = (request: Request): ApiError =>
	new ApiError(404, 'not_found', 'Not found', `No route matches ${request.method} ${new URL(request.url).pathname}`);

/**
 * The mock API as msw handlers: CORS preflight, then every resource's client and server routes. Unknown client paths
 * answer 404 here; unknown `/v1/*` paths fall through, so these handlers never swallow another
 * API's `/v1/` routes in a suite that mocks several.
 */
export function createApiHandlers(env: HttpEnvironment, baseUrl: string, transport: Transport = MSW_TRANSPORT): HttpHandler[] {
	const router = createRouter(env, baseUrl, transport);
	return [
		http.options(`${baseUrl}/client/v1/*`, ({ request }) => jsonResponse(noContent(), preflightHeaders(request))),
		...RESOURCES.flatMap((routes) => routes(env, router)),
		http.all(`${baseUrl}/client/v1/*`, ({ request }) => errorResponse(env, notFoundError(request), corsHeaders(request))),
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
