import type { Metadata } from '../orders/order.js';

/** The records the customer features of the mock keep in its state (CONTRACT §7), apart from the code that makes them. */

/** The outcome of one CSV line. */
export interface ImportLine {
	readonly line: number;
	readonly status: 'CREATED' | 'UPDATED' | 'FAILED';
	readonly source_id: string | null;
	readonly customer_id: string | null;
	readonly error: string | null;
}

/** What one customer of a bulk update came to. */
export interface BulkUpdateResult {
	readonly source_id: string;
	readonly updated: boolean;
	readonly error?: string;
}

/** The result of a CSV import: a count per outcome and a line per row. */
export interface ImportResult {
	readonly created: number;
	readonly updated: number;
	readonly failed: number;
	readonly lines: readonly ImportLine[];
}

/**
 * An async action as stored: the mock does the work at once; `GET /v1/async-actions/{id}` reports it
 * `IN_PROGRESS` until the job delay has passed (see `jobPhase`).
 */
export type AsyncAction = {
	readonly id: string;
	readonly object: 'async_action';
	readonly created_at: string;
} & (
	| { readonly type: 'CUSTOMERS_IMPORT_CSV'; readonly result: ImportResult }
	| { readonly type: 'CUSTOMERS_BULK_UPDATE' | 'CUSTOMERS_METADATA_UPDATE'; readonly result: { readonly results: readonly BulkUpdateResult[] } }
);

/** The objects `POST /v1/exports` exports (the live API's list, less products and SKUs, which the mock has not). */
export const EXPORTED_OBJECTS = ['voucher', 'redemption', 'customer', 'publication', 'order', 'points_expiration', 'voucher_transactions'] as const;

/** What one export exports. */
export type ExportedObject = (typeof EXPORTED_OBJECTS)[number];

/** `parameters` of an export, as sent (the gift card transactions export adds its `voucher_id` filter). */
export interface ExportParameters {
	readonly order?: string;
	readonly fields?: readonly string[];
	readonly filters?: Readonly<Record<string, unknown>>;
	/** The live API's only file format, echoed as given. */
	readonly response_format?: 'CSV';
}

/**
 * An export as stored: the answer's fields plus the CSV it produced and the secret of its download URL. The mock
 * writes the CSV at creation; `GET /v1/exports/{id}` reports it `SCHEDULED` until the job delay has passed (see `jobPhase`).
 */
export interface ExportRecord {
	readonly id: string;
	readonly object: 'export';
	readonly created_at: string;
	readonly channel: 'API';
	readonly exported_object: ExportedObject;
	readonly parameters: ExportParameters;
	readonly user_id: null;
	readonly token: string;
	readonly csv: string;
}

/** A validation rule as the API answers it; `rules` is kept as given. */
export interface ValidationRule {
	readonly id: string;
	readonly object: 'validation_rules';
	readonly name: string;
	readonly rules: Readonly<Record<string, unknown>>;
	readonly error?: { readonly message?: string };
	readonly created_at: string;
	readonly updated_at: string | null;
}

/** What a rule is assigned to. */
export type AssignmentTarget = 'voucher' | 'campaign' | 'promotion_tier';

/** `POST /v1/validation-rules/{id}/assignments`, answered. */
export interface RuleAssignment {
	readonly id: string;
	readonly object: 'validation_rules_assignment';
	readonly rule_id: string;
	readonly related_object_type: AssignmentTarget;
	readonly related_object_id: string;
	readonly created_at: string;
	readonly updated_at: string | null;
}

/** A segment as the API answers it. */
export interface Segment {
	readonly id: string;
	readonly object: 'segment';
	readonly name: string;
	readonly type: 'static' | 'auto-update';
	/** The filter as given (auto-update only). */
	readonly filter: Readonly<Record<string, unknown>> | null;
	readonly customers: null;
	readonly metadata: Metadata;
	readonly created_at: string;
}
