import { http, type HttpHandler } from 'msw';
import type { CustomerExport } from '../domain/customer-exports.js';
import { readActivitiesQuery, readAssignmentBody, readExportBody, readSegmentBody, readValidationRuleBody } from '../input/customer-admin.js';
import { queryReader } from '../input/reader.js';
import { errorResponse, noContent, ok, type HttpEnvironment, type Router } from './router.js';
import { readUploadedFile } from './uploaded-file.js';

/** The path an export's CSV is downloaded from, under the API's base URL. */
const downloadPath = (id: string) => `/v1/exports/${encodeURIComponent(id)}/download`;

/** An export as the API answers it: `result.url` serves the CSV to whoever holds the URL, as the real signed URLs do. */
function presentExport({ token, csv: _csv, ...record }: CustomerExport, baseUrl: string) {
	return { ...record, result: { url: `${baseUrl}${downloadPath(record.id)}?token=${token}` } };
}

/** The server API of CONTRACT §7: activities, segments, validation rules, import, export, permanent deletion. */
export function customerRoutes(env: HttpEnvironment, router: Router): HttpHandler[] {
	const { core } = env;
	const route = router.server;
	/** The origin the caller reached, so download URLs work under msw and over real HTTP alike. */
	const baseOf = (request: Request) => request.url.slice(0, request.url.lastIndexOf('/v1/'));
	return [
		route('get', '/customers/:customer/activities', ({ path, query }) => ok({ object: 'list', data_ref: 'data', ...core.customerActivities(path.customer ?? '', readActivitiesQuery(query)) })),
		route('get', '/customers/:customer/segments', ({ path }) => {
			const data = core.customerSegments(path.customer ?? '');
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
		route('post', '/customers/:customer/permanent-deletion', ({ path }) => ok(core.deleteCustomerPermanently(path.customer ?? ''))),
		route('post', '/customers/importCSV', async ({ request }) => ok({ async_action_id: core.importCustomersCsv(await readUploadedFile(request, env.bodyLimitBytes)).id })),
		route('get', '/async-actions/:id', ({ path }) => ok(core.getAsyncAction(path.id ?? ''))),
		route('post', '/segments', async ({ json }) => ok(core.createSegment(readSegmentBody(await json())))),
		route('get', '/segments', () => {
			const data = core.listSegments();
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
		route('get', '/segments/:id', ({ path }) => ok(core.getSegment(path.id ?? ''))),
		route('delete', '/segments/:id', ({ path }) => {
			core.deleteSegment(path.id ?? '');
			return noContent();
		}),
		route('post', '/validation-rules', async ({ json }) => ok(core.createValidationRule(readValidationRuleBody(await json())))),
		route('get', '/validation-rules/:id', ({ path }) => ok(core.getValidationRule(path.id ?? ''))),
		route('delete', '/validation-rules/:id', ({ path }) => {
			core.deleteValidationRule(path.id ?? '');
			return noContent();
		}),
		route('post', '/validation-rules/:id/assignments', async ({ path, json }) => {
			const { target, id } = readAssignmentBody(await json());
			return ok(core.assignValidationRule(path.id ?? '', target, id));
		}),
		route('get', '/validation-rules/:id/assignments', ({ path }) => {
			const data = core.listRuleAssignments(path.id ?? '');
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
		route('delete', '/validation-rules/:id/assignments/:assignment', ({ path }) => {
			core.unassignValidationRule(path.id ?? '', path.assignment ?? '');
			return noContent();
		}),
		route('post', '/exports', async ({ request, json }) => ok(presentExport(core.createExport(readExportBody(await json())), baseOf(request)))),
		route('get', '/exports/:id', ({ request, path }) => ok(presentExport(core.getExport(path.id ?? ''), baseOf(request)))),
		http.get(`${router.baseUrl}/v1/exports/:id/download`, ({ request, params }) => {
			try {
				const token = queryReader.string(new URL(request.url).searchParams.get('token') ?? undefined, 'token') ?? '';
				const csv = core.exportCsv(String(params.id), token);
				return new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${String(params.id)}.csv"` } });
			} catch (error) {
				return errorResponse(env, error, {});
			}
		}),
	];
}
