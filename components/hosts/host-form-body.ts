import { parseEndpoint } from "@/lib/hosts/host-input";

/** A field of the host form and the message shown next to it. */
export type FieldErrors = Partial<Record<string, string>>;

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function authOf(form: FormData, field: (key: string) => string) {
  const method = field("authMethod");
  if (method === "key-file") return { method, identityFile: field("identityFile") };
  // Blank secrets are sent blank: on the edit form the server keeps the stored one (write-only secrets).
  if (method === "password") return { method, password: String(form.get("password") ?? "") };
  if (method === "stored-key") {
    const passphrase = String(form.get("passphrase") ?? "");
    return { method, privateKey: String(form.get("privateKey") ?? ""), ...(passphrase && { passphrase }) };
  }
  return { method: "agent" };
}

/**
 * Turns the host form's fields into the body POST /api/hosts (and PATCH /api/hosts/:id, and Test connection)
 * expects, validated there. A USER@HOST[:PORT] that does not parse is a field error here already.
 */
export function hostFormBody(form: FormData): { body: Record<string, unknown> } | { errors: FieldErrors } {
  const field = (key: string) => String(form.get(key) ?? "").trim();
  const optional = (key: string) => field(key) || null;
  const number = (key: string) => (field(key) ? Number(field(key)) : undefined);
  const common = {
    name: field("name"),
    appRoots: lines(field("appRoots")),
    serviceUnit: optional("serviceUnit"),
    unitFile: optional("unitFile"),
    python: optional("python"),
    serviceUser: optional("serviceUser"),
    container: optional("container"),
    engine: optional("engine"),
    entryPoints: field("entryPoints")
      .split(/[\s,]+/)
      .filter(Boolean),
    measureStartup: form.get("measureStartup") === "on",
    maxFiles: number("maxFiles"),
    timeoutSeconds: number("timeoutSeconds"),
  };
  if (field("transport") === "local") return { body: { transport: "local", ...common } };
  const errors: FieldErrors = {};
  const endpoint = (key: string) => {
    try {
      return parseEndpoint(field(key));
    } catch (error) {
      errors[key] = error instanceof Error ? error.message : String(error);
      return null;
    }
  };
  const ssh = endpoint("ssh");
  const jump = field("jump") ? endpoint("jump") : null;
  if (Object.keys(errors).length) return { errors };
  const jumpAuth =
    field("jumpAuthMethod") === "key-file"
      ? { method: "key-file", identityFile: field("jumpIdentityFile") }
      : { method: "agent" };
  return { body: { transport: "ssh", ...common, ssh, auth: authOf(form, field), jump, jumpAuth } };
}

/** Where a zod issue of hostInputSchema is shown: the form field it concerns. */
export function fieldOfIssue(path: (string | number)[]): string {
  const [head, ...rest] = path;
  const leaf = [...rest].reverse().find((p) => typeof p === "string");
  if (head === "auth") return leaf ?? "authMethod";
  if (head === "jumpAuth") return leaf === "identityFile" ? "jumpIdentityFile" : "jumpAuthMethod";
  return String(head ?? "form");
}

/** The field errors of a 422 answer (the body, or an apiFetch result: both hold `error`), or null when none. */
export function fieldErrorsOf(body: unknown): FieldErrors | null {
  const issues = (body as { error?: { issues?: { path: (string | number)[]; message: string }[] } })?.error?.issues;
  if (!issues?.length) return null;
  const errors: FieldErrors = {};
  for (const issue of issues) errors[fieldOfIssue(issue.path)] ??= issue.message;
  return errors;
}
