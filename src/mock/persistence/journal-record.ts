/**
 * One line of the journal: everything one answered change did, as records applied in order.
 * `map` records name a Map of the state by its field; `list` records name a list (publications).
 */
export interface JournalLine {
	readonly generation: number;
	readonly changes: readonly JournalRecord[];
}

/** One change to one collection of the state. */
export type JournalRecord =
	| { readonly map: string; readonly key: string; readonly value: unknown }
	| { readonly map: string; readonly key: string; readonly deleted: true }
	| { readonly map: string; readonly key: string; readonly append: readonly unknown[] }
	| { readonly map: string; readonly cleared: true }
	| { readonly list: string; readonly index: number; readonly value: unknown }
	| { readonly list: string; readonly append: readonly unknown[] }
	| { readonly list: string; readonly cleared: true };
