export function ensureBuilt(root?: string): boolean;
