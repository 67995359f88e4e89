/** The README's "Size and speed" section, as rendered from bench-results/bench.json. */
export function renderSection(results: unknown): string;
