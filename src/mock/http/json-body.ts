import { ApiError } from './api-error.js';

const invalidPayload = (details: string) => new ApiError(400, 'invalid_payload', 'Invalid payload', details);

/** As deep as the SDK sends; much deeper JSON parses, but overflows the stack when the state is copied or answered. */
const MAX_DEPTH = 32;

const nestsDeeperThan = (value: unknown, levels: number): boolean =>
	typeof value === 'object' && value !== null && (levels === 0 || Object.values(value).some((entry) => nestsDeeperThan(entry, levels - 1)));

/**
 * Reads a JSON object body of at most `limitBytes`. An empty body reads as `{}`. The Node server
 * stops buffering one byte past the limit, so an oversize body arrives here cut short but still
 * oversize, and gets the same answer as under msw.
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<Record<string, unknown>> {
	const value = await readJsonValue(request, limitBytes);
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidPayload('The request body must be a JSON object');
	return value as Record<string, unknown>;
}

/** Reads a JSON body as `readJsonBody` does, but any JSON value (a list, for the bulk routes). An empty body reads as `{}`. */
export async function readJsonValue(request: Request, limitBytes: number): Promise<unknown> {
	const declared = Number(request.headers.get('content-length'));
	if (declared > limitBytes) throw invalidPayload(`The request body is larger than ${limitBytes} bytes`);
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.byteLength > limitBytes) throw invalidPayload(`The request body is larger than ${limitBytes} bytes`);
	if (bytes.byteLength === 0) return {};
	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch (error) {
		const reason = error instanceof SyntaxError ? error.message : 'it is not valid UTF-8';
		throw invalidPayload(`The request body is not valid JSON: ${reason}`);
	}
	if (nestsDeeperThan(value, MAX_DEPTH)) throw invalidPayload(`The request body nests deeper than ${MAX_DEPTH} levels`);
	return value;
}
