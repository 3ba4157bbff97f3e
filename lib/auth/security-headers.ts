// Pure: the headers every response carries. proxy.ts applies them, to its own refusals and redirects too.

/** A fresh, unguessable nonce per page response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Pages: scripts only from this origin and with this response's nonce (Next puts it on its own scripts,
 * the layout on the theme script); 'strict-dynamic' lets those load the chunks they import. Style elements
 * need the nonce too; style attributes are allowed because React renders widths and positions (coverage
 * bars, charts, the virtual file table) that way, and an attribute cannot run script.
 */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Everything else (JSON, event streams, files): nothing in it may load or run anything. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * A public link's page sends no Referer at all, so its token never leaves in one (not even to this origin's
 * own logs); the app sends it only to itself.
 */
export function securityHeaders(options: { policy: string; share: boolean }): Record<string, string> {
  return {
    "content-security-policy": options.policy,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": options.share ? "no-referrer" : "same-origin",
  };
}
