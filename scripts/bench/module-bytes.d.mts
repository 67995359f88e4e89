export type ModuleBytes = { module: string; min: number; gzipAlone: number; gzipShare: number };
export type ModuleBytesTable = { totalMin: number; totalGzip: number; modules: ModuleBytes[] };
export function bytesByModule(code: string, map: { sources: string[]; mappings: string }): ModuleBytesTable;
export function measureModuleBytes(iifePath: string): ModuleBytesTable;
