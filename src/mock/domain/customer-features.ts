import { getAsyncAction } from './import-export/async-actions.js';
import type { DomainContext } from './shared/context.js';
import { customerActivities, type ActivitiesQuery } from './tracking/customer-activities.js';
import { assertAssignable } from './rules/customer-rules.js';
import { createExport, deleteExport, exportCsv, exportVoucherTransactions, getExport, listExports, type ExportInput, type ExportListQuery, type TransactionExportInput } from './import-export/exports.js';
import { importCustomersCsv } from './import-export/customer-import.js';
import { updateCustomersInBulk, updateCustomersMetadataInBulk, type BulkCustomerUpdate } from './import-export/customer-bulk-updates.js';
import { requireCustomer } from './customers/customers.js';
import { deleteCustomerPermanently } from './customers/permanent-deletion.js';
import { createSegment, customerSegments, deleteSegment, getSegment, listSegments, type SegmentInput } from './segments/segments.js';
import {
	assignValidationRule,
	createValidationRule,
	deleteValidationRule,
	getValidationRule,
	listRuleAssignments,
	unassignValidationRule,
	type AssignmentTarget,
	type ValidationRuleInput,
} from './rules/validation-rules.js';

type Wrap = <A extends unknown[], R>(operation: (context: DomainContext, ...args: A) => R) => (...args: A) => R;

/**
 * The operations of CONTRACT §7 and §8 (segments, validation rules, import, exports of any object, permanent deletion),
 * wrapped by the core like every other: `changing` ones are persisted and refresh segment membership.
 */
export function customerOperations(changing: Wrap, reading: Wrap) {
	return {
		customerActivities: reading((context, idOrSourceId: string, query: ActivitiesQuery) => customerActivities(context, idOrSourceId, query)),
		customerSegments: reading((context, idOrSourceId: string) => customerSegments(context, requireCustomer(context, idOrSourceId))),
		deleteCustomerPermanently: changing((context, idOrSourceId: string) => deleteCustomerPermanently(context, idOrSourceId)),
		createSegment: changing((context, input: SegmentInput) => createSegment(context, input)),
		getSegment: reading((context, id: string) => getSegment(context, id)),
		listSegments: reading((context) => listSegments(context)),
		deleteSegment: changing((context, id: string) => deleteSegment(context, id)),
		createValidationRule: changing((context, input: ValidationRuleInput) => createValidationRule(context, input)),
		getValidationRule: reading((context, id: string) => getValidationRule(context, id)),
		deleteValidationRule: changing((context, id: string) => deleteValidationRule(context, id)),
		assignValidationRule: changing((context, ruleId: string, target: AssignmentTarget, relatedId: string) => {
			assertAssignable(context, target, relatedId);
			return assignValidationRule(context, ruleId, target, relatedId);
		}),
		listRuleAssignments: reading((context, ruleId: string) => listRuleAssignments(context, ruleId)),
		unassignValidationRule: changing((context, ruleId: string, assignmentId: string) => unassignValidationRule(context, ruleId, assignmentId)),
		importCustomersCsv: changing((context, text: string) => importCustomersCsv(context, text)),
		updateCustomersInBulk: changing((context, updates: readonly BulkCustomerUpdate[]) => updateCustomersInBulk(context, updates)),
		updateCustomersMetadataInBulk: changing((context, sourceIds: readonly string[], metadata: Record<string, unknown>) => updateCustomersMetadataInBulk(context, sourceIds, metadata)),
		getAsyncAction: reading((context, id: string) => getAsyncAction(context, id)),
		createExport: changing((context, input: ExportInput) => createExport(context, input)),
		exportVoucherTransactions: changing((context, code: string, input: TransactionExportInput) => exportVoucherTransactions(context, code, input)),
		getExport: reading((context, id: string) => getExport(context, id)),
		listExports: reading((context, query: ExportListQuery) => listExports(context, query)),
		deleteExport: changing((context, id: string) => deleteExport(context, id)),
		exportCsv: reading((context, id: string, token: string) => exportCsv(context, id, token)),
	};
}
