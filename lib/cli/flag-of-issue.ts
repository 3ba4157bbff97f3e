import type { ZodError } from "zod";

/**
 * The CLI words for the fields of the inputs commands build (hosts, users, shares, host keys), so a
 * validation error names what the user typed: `--app-root must be an absolute path`, not `appRoots.0: …`.
 * Keyed by the issue's path with array indexes dropped.
 */
const FLAG_OF_FIELD: Record<string, string> = {
  name: "NAME",
  appRoots: "--app-root",
  serviceUnit: "--service",
  unitFile: "--unit-file",
  python: "--python",
  entryPoints: "--entry",
  measureStartup: "--no-startup-cost",
  maxFiles: "--max-files",
  timeoutSeconds: "--timeout",
  ssh: "--ssh",
  "ssh.user": "--ssh USER",
  "ssh.host": "--ssh HOST",
  "ssh.port": "--ssh PORT",
  auth: "--identity",
  "auth.identityFile": "--identity",
  "auth.password": "--password-stdin",
  "auth.privateKey": "--private-key-stdin",
  jump: "--jump",
  "jump.user": "--jump USER",
  "jump.host": "--jump HOST",
  "jump.port": "--jump PORT",
  "jumpAuth.identityFile": "--jump-identity",
  jumpChain: "the ProxyJump of --ssh",
  acceptHostKey: "--accept-host-key",
  role: "--role",
  password: "the password on stdin",
  left: "LEFT",
  right: "RIGHT",
  expires: "--expires",
  fingerprint: "FINGERPRINT",
  hop: "--hop",
  replace: "--replace",
};

function flagOf(path: readonly PropertyKey[]): string {
  const keys = path.filter((part): part is string => typeof part === "string");
  for (let n = keys.length; n > 0; n--) {
    const flag = FLAG_OF_FIELD[keys.slice(0, n).join(".")];
    if (flag) return flag;
  }
  return keys.join(".") || "input";
}

/** One line per issue, each starting with the flag or argument it concerns. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const flag = flagOf(issue.path);
      if (issue.message.includes(flag)) return issue.message;
      // "must be an absolute path" reads on from the flag; any other message follows a colon.
      return issue.message.startsWith("must ") ? `${flag} ${issue.message}` : `${flag}: ${issue.message}`;
    })
    .join("; ");
}
