export const CONSUMERS_START: string;
export const CONSUMERS_END: string;

/** What `npm run consumer-check` writes to bench-results/consumer-check.json. */
export type ConsumerRecord = {
	node: string;
	passed: number;
	failed: number;
	seconds: number;
	figures: { tarball: { files: number; packedBytes: number; unpackedBytes: number }; spa: { modules: number; min: number; gzip: number }; global: { min: number; gzip: number } };
};

export function renderConsumerTable(record: ConsumerRecord): string;
export function withConsumerTable(readme: string, record: ConsumerRecord): string;
