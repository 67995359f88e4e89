import { ApiError } from './api-error.js';

const invalidPayload = (details: string) => new ApiError(400, 'invalid_payload', 'Invalid payload', details);

/**
 * Reads the `file` part of a `multipart/form-data` body as UTF-8 text, within the mock's body limit
 * (the same limit as JSON bodies, `bodyLimitBytes`).
 */
export async function readUploadedFile(request: Request, limitBytes: number, field = 'file'): Promise<string> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data;.*boundary=/i.test(contentType)) throw invalidPayload('The request must be multipart/form-data with a boundary');
	const bytes = new Uint8Array(await request.arrayBuffer());
	if (bytes.byteLength > limitBytes) throw invalidPayload(`The request body is larger than ${limitBytes} bytes`);
	let form: FormData;
	try {
		form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
	} catch {
		throw invalidPayload('The request body is not valid multipart/form-data');
	}
	const file = form.get(field);
	if (file === null) throw invalidPayload(`The multipart body has no ${field} part`);
	const content = typeof file === 'string' ? new TextEncoder().encode(file) : new Uint8Array(await file.arrayBuffer());
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(content);
	} catch {
		throw invalidPayload(`The ${field} part is not UTF-8 text`);
	}
}
