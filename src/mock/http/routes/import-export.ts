import { http, type HttpHandler } from 'msw';
import type { ExportView } from '../../domain/import-export/exports.js';
import { readExportBody, readExportListQuery, readTransactionExportBody } from '../../input/exports.js';
import { readBulkCustomersBody, readBulkMetadataBody } from '../../input/customer-bulk.js';
import { readJsonValue } from '../json-body.js';
import { queryReader } from '../../input/reader.js';
import { errorResponse, noContent, ok, type HttpEnvironment, type Router } from '../router.js';
import { readUploadedFile } from '../uploaded-file.js';

/** The path an export's CSV is downloaded from, under the API's base URL. */
const downloadPath = (id: string) => `/v1/exports/${encodeURIComponent(id)}/download`;

/**
 * An export as the API answers it, its fields in the live API's order: `result` is null until it is `DONE`, then
 * `result.url` serves the CSV to whoever holds the URL, as the real signed URLs do.
 */
function presentExport({ token, csv: _csv, ...record }: ExportView, baseUrl: string) {
	const { id, object, created_at, status, channel, exported_object, parameters, user_id } = record;
	const result = status === 'DONE' ? { url: `${baseUrl}${downloadPath(id)}?token=${token}` } : null;
	return { id, object, created_at, status, channel, exported_object, parameters, result, user_id };
}

/** CSV import, bulk customer updates, exports of any object with their download, and the async actions that report on them (CONTRACT §7, §8). */
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
		server('post', '/vouchers/:code/transactions/export', async ({ request, path, json }) =>
			ok(presentExport(core.exportVoucherTransactions(path.code ?? '', readTransactionExportBody(await json())), baseOf(request))),
		),
		server('get', '/exports', ({ request, query }) => {
			const { exports, total } = core.listExports(readExportListQuery(query));
			return ok({ object: 'list', data_ref: 'exports', exports: exports.map((record) => presentExport(record, baseOf(request))), total });
		}),
		server('get', '/exports/:id', ({ request, path }) => ok(presentExport(core.getExport(path.id ?? ''), baseOf(request)))),
		server('delete', '/exports/:id', ({ path }) => {
			core.deleteExport(path.id ?? '');
			return noContent();
		}),
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
