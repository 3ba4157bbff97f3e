export type CompressionMode = "auto" | "on" | "off";
export function compressionMode(value?: string): CompressionMode;
export function isLoopback(address: string | null | undefined): boolean;
export function mayCompress(mode: CompressionMode, peerAddress: string | null | undefined): boolean;
