import { http, type HttpHandler } from 'msw';
import type { CustomerExport } from '../../domain/shared/records.js';
import { readExportBody } from '../../input/customer-admin.js';
import { readBulkCustomersBody, readBulkMetadataBody } from '../../input/customer-bulk.js';
import { readJsonValue } from '../json-body.js';
import { queryReader } from '../../input/reader.js';
import { errorResponse, ok, type HttpEnvironment, type Router } from '../router.js';
import { readUploadedFile } from '../uploaded-file.js';

/** The path an export's CSV is downloaded from, under the API's base URL. */
const downloadPath = (id: string) => `/v1/exports/${encodeURIComponent(id)}/download`;

/** An export as the API answers it: `result.url` serves the CSV to whoever holds the URL, as the real signed URLs do. */
function presentExport({ token, csv: _csv, ...record }: CustomerExport, baseUrl: string) {
	return { ...record, result: { url: `${baseUrl}${downloadPath(record.id)}?token=${token}` } };
}

/** CSV import, bulk customer updates, exports with their download, and the async actions that report on them (CONTRACT §7). */
export function importExportRoutes(env: HttpEnvironment, { server, baseUrl }: Router): HttpHandler[] {
	const { core } = env;
	/** The origin the caller reached, so download URLs work under msw and over real HTTP alike. */
	const baseOf = (request: Request) => request.url.slice(0, request.url.lastIndexOf('/v1/'));
	return [
		server('post', '/customers/importCSV', async ({ request }) => ok({ async_action_id: core.importCustomersCsv(await readUploadedFile(request, env.bodyLimitBytes)).id })),
		server('post', '/customers/bulk/async', async ({ request }) =>
			ok({ async_action_id: core.updateCustomersInBulk(readBulkCustomersBody(await readJsonValue(request, env.bodyLimitBytes))).id }),
		),
		server('post', '/customers/metadata/async', async ({ json }) => {
			const { sourceIds, metadata } = readBulkMetadataBody(await json());
			return ok({ async_action_id: core.updateCustomersMetadataInBulk(sourceIds, metadata).id });
		}),
		server('get', '/async-actions/:id', ({ path }) => ok(core.getAsyncAction(path.id ?? ''))),
		server('post', '/exports', async ({ request, json }) => ok(presentExport(core.createExport(readExportBody(await json())), baseOf(request)))),
		server('get', '/exports/:id', ({ request, path }) => ok(presentExport(core.getExport(path.id ?? ''), baseOf(request)))),
		http.get(`${baseUrl}/v1/exports/:id/download`, ({ request, params }) => {
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
