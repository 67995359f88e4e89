import type { HttpHandler } from 'msw';
import { DomainError } from '../../domain/shared/errors.js';
import { readQualification, readStackValidation, readValidationQuery } from '../../input/requests.js';
import { ok, type HttpEnvironment, type Router } from '../router.js';

/** Validations and qualifications (CONTRACT §1): the client API's checks of codes, stacks and promotions. */
export function validationRoutes({ core }: HttpEnvironment, { client, server }: Router): HttpHandler[] {
	return [
		client('get', '/validate', ({ query }) => {
			const { code, ...request } = readValidationQuery(query);
			if (!code) throw new DomainError('invalid_query_params', 'Invalid query params', 'The code query parameter is required');
			return ok(core.validateVoucher(code, request));
		}),
		client('get', '/promotions/validation', ({ query }) => {
			const { code: _ignored, ...request } = readValidationQuery(query);
			return ok(core.validatePromotions(request));
		}),
		client('post', '/validations', async ({ json }) => {
			const { refs, request } = readStackValidation(await json());
			return ok(core.validateStack(refs, request));
		}),
		client('post', '/qualifications', async ({ json }) => ok(core.qualify(readQualification(await json())))),
		server('post', '/qualifications', async ({ json }) => ok(core.qualify(readQualification(await json())))),
	];
}
