import type { ExportInput, ExportListQuery, TransactionExportInput } from '../domain/import-export/exports.js';
import { EXPORTED_OBJECTS, type ExportParameters } from '../domain/shared/records.js';
import type { QueryObject } from './query-string.js';
import { readPage } from './requests.js';
import { bodyReader as body, queryReader as query } from './reader.js';

type Json = Record<string, unknown>;

function readParameters(json: Json, allowed: readonly (keyof ExportParameters)[]): ExportParameters {
	const parameters = body.object(json.parameters, 'parameters') ?? {};
	const unknown = Object.keys(parameters).find((key) => !(allowed as readonly string[]).includes(key));
	if (unknown !== undefined) throw body.invalid(`parameters.${unknown}`, `absent; parameters take ${allowed.join(', ')}`);
	const order = body.string(parameters.order, 'parameters.order');
	const fields = body.list(parameters.fields, 'parameters.fields')?.map((field, index) => body.requiredString(field, `parameters.fields[${index}]`));
	const filters = allowed.includes('filters') ? body.object(parameters.filters, 'parameters.filters') : undefined;
	const format = body.oneOf(parameters.response_format, 'parameters.response_format', ['CSV'] as const);
	return { ...(order === undefined ? {} : { order }), ...(fields ? { fields } : {}), ...(filters ? { filters } : {}), ...(format ? { response_format: format } : {}) };
}

/** `POST /v1/exports`: `{exported_object, parameters?: {order?, fields?, filters?, response_format?: 'CSV'}}`. */
export function readExportBody(json: Json): ExportInput {
	const exported = body.oneOf(json.exported_object, 'exported_object', EXPORTED_OBJECTS);
	if (exported === undefined) throw body.invalid('exported_object', `one of ${EXPORTED_OBJECTS.join(', ')}`);
	const parameters = readParameters(json, ['order', 'fields', 'filters', 'response_format']);
	return json.parameters === undefined ? { exported_object: exported } : { exported_object: exported, parameters };
}

/** `POST /v1/vouchers/{code}/transactions/export`: `{parameters?: {order?: 'created_at' | '-created_at', fields?}}`. */
export function readTransactionExportBody(json: Json): TransactionExportInput {
	const parameters = readParameters(json, ['order', 'fields']);
	if (parameters.order !== undefined && !['created_at', '-created_at'].includes(parameters.order)) throw body.invalid('parameters.order', 'one of created_at, -created_at');
	return parameters;
}

const LIST_ORDERS = ['created_at', '-created_at', 'status', '-status'] as const;

/** `GET /v1/exports?limit&page&order`. */
export function readExportListQuery(params: QueryObject): ExportListQuery {
	return { ...readPage(params), order: query.oneOf(params.order, 'order', LIST_ORDERS) ?? '-created_at' };
}
