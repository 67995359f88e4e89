import type { HttpHandler } from 'msw';
import { readAssignmentBody, readValidationRuleBody } from '../../input/customer-admin.js';
import { noContent, ok, type HttpEnvironment, type Router } from '../router.js';

/** Validation rules and their assignments to vouchers, campaigns and promotion tiers (CONTRACT §7). */
export function validationRuleRoutes({ core }: HttpEnvironment, { server }: Router): HttpHandler[] {
	return [
		server('post', '/validation-rules', async ({ json }) => ok(core.createValidationRule(readValidationRuleBody(await json())))),
		server('get', '/validation-rules/:id', ({ path }) => ok(core.getValidationRule(path.id ?? ''))),
		server('delete', '/validation-rules/:id', ({ path }) => {
			core.deleteValidationRule(path.id ?? '');
			return noContent();
		}),
		server('post', '/validation-rules/:id/assignments', async ({ path, json }) => {
			const { target, id } = readAssignmentBody(await json());
			return ok(core.assignValidationRule(path.id ?? '', target, id));
		}),
		server('get', '/validation-rules/:id/assignments', ({ path }) => {
			const data = core.listRuleAssignments(path.id ?? '');
			return ok({ object: 'list', total: data.length, data_ref: 'data', data });
		}),
		server('delete', '/validation-rules/:id/assignments/:assignment', ({ path }) => {
			core.unassignValidationRule(path.id ?? '', path.assignment ?? '');
			return noContent();
		}),
	];
}
