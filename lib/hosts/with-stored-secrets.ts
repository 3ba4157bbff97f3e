import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { openCredential } from "@/lib/secrets/credential";

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === "object" && value !== null;
const blank = (value: unknown) => value === undefined || value === null || value === "";

/**
 * Secrets are write-only: the edit form shows "set" and sends nothing unless the user types a new one. A
 * blank secret with the method the host already stores means "keep it", so the stored one is filled in
 * here (server side) before the usual validation; any other blank secret still fails that validation.
 */
export function withStoredSecrets(raw: unknown, host: HostRow): unknown {
  if (!isObject(raw) || !isObject(raw.auth) || !host.secretCipher) return raw;
  const auth = raw.auth;
  if (auth.method !== host.authMethod) return raw;
  const stored = openCredential(host.secretCipher);
  if (auth.method === "password" && blank(auth.password))
    return { ...raw, auth: { ...auth, password: stored.password } };
  if (auth.method === "stored-key" && blank(auth.privateKey)) {
    const passphrase = blank(auth.passphrase) ? stored.passphrase : auth.passphrase;
    return { ...raw, auth: { ...auth, privateKey: stored.privateKey, passphrase } };
  }
  return raw;
}
