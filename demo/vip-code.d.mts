export const VIP_CODE: string;
export const VIP_RULE_MESSAGE: string;

export function setUpVipCode(serverApi: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: unknown }>): Promise<void>;
