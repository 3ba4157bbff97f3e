import { ValidationError } from "@/lib/errors";
import type { ResolvedHop } from "./ssh-config-resolve";
import { sshTarget } from "./ssh-target";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A hop's own login: its IdentityFile, else the ssh-agent. */
const loginOf = (identityFile: string | null) =>
  identityFile ? { method: "key-file" as const, identityFile } : { method: "agent" as const };

const endpointOf = ({ user, host, port }: ResolvedHop) => ({ user, host, port });

/**
 * A host input whose `ssh` is text — USER@HOST[:PORT], or an alias of ~/.ssh/config (or of the file
 * `sshConfig` names) — turned into the endpoint fields hostInputSchema takes, the same way for the CLI's
 * `--ssh` and for `POST /api/hosts`: the alias's IdentityFile logs in unless `auth` is given, and its
 * ProxyJump chain (each hop with its own IdentityFile) is used unless `jump` is given. Anything else passes
 * through unchanged, for the schema to judge.
 */
export function resolveSshText(raw: unknown): unknown {
  if (!isRecord(raw) || raw.transport !== "ssh" || typeof raw.ssh !== "string") return raw;
  const { sshConfig, ...rest } = raw;
  if (sshConfig !== undefined && typeof sshConfig !== "string") {
    throw new ValidationError("sshConfig must be the path of an ssh_config file");
  }
  const resolved = sshTarget(raw.ssh, sshConfig);
  const [first, ...further] = resolved.jumps;
  const chain =
    rest.jump === undefined && first
      ? {
          jump: endpointOf(first),
          jumpAuth: rest.jumpAuth ?? loginOf(first.identityFile),
          jumpChain: further.map((hop) => ({ ...endpointOf(hop), auth: loginOf(hop.identityFile) })),
        }
      : {};
  return { ...rest, ssh: resolved.ssh, auth: rest.auth ?? loginOf(resolved.identityFile), ...chain };
}
