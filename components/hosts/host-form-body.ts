import { parseEndpoint } from "@/lib/hosts/host-input";

/** Turns the new-host form's fields into the body POST /api/hosts expects (validated there). */
export function hostFormBody(form: FormData): unknown {
  const field = (key: string) => String(form.get(key) ?? "").trim();
  const optional = (key: string) => field(key) || null;
  const common = {
    name: field("name"),
    appRoots: field("appRoots")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    serviceUnit: optional("serviceUnit"),
    unitFile: optional("unitFile"),
    python: optional("python"),
    entryPoints: field("entryPoints")
      .split(/[\s,]+/)
      .filter(Boolean),
  };
  if (field("transport") === "local") return { transport: "local", ...common };
  const method = field("authMethod");
  const auth =
    method === "key-file"
      ? { method, identityFile: field("identityFile") }
      : method === "password"
        ? { method, password: String(form.get("password") ?? "") }
        : method === "stored-key"
          ? {
              method,
              privateKey: String(form.get("privateKey") ?? ""),
              passphrase: String(form.get("passphrase") ?? "") || undefined,
            }
          : { method: "agent" };
  return {
    transport: "ssh",
    ...common,
    ssh: parseEndpoint(field("ssh")),
    auth,
    jump: field("jump") ? parseEndpoint(field("jump")) : null,
    acceptHostKey: form.get("acceptHostKey") === "on",
  };
}
