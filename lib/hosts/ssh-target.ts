import { parseEndpoint } from "./host-input";
import { sshConfigContext } from "./ssh-config-context";
import { resolveSshAlias, type ResolvedEndpoint, type ResolvedHop } from "./ssh-config-resolve";

export type SshTarget = { ssh: ResolvedEndpoint; identityFile: string | null; jumps: ResolvedHop[] };

/** `--ssh` as given: USER@HOST[:PORT] literally, anything else an alias of ~/.ssh/config (or `configFile`). */
export function sshTarget(text: string, configFile?: string): SshTarget {
  if (text.includes("@")) {
    const { user, host, port } = parseEndpoint(text);
    return { ssh: { user, host, port: port ?? 22 }, identityFile: null, jumps: [] };
  }
  const { ssh, identityFile, jumps } = resolveSshAlias(text, sshConfigContext(configFile));
  return { ssh, identityFile, jumps };
}
