import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { encodeJumpChain, listJumpHops } from "@/lib/db/host-columns";
import type { HostConnectionData } from "./host-row-data";

export type KeptPins = Pick<HostRow, "hostKeySha256" | "jumpKeySha256" | "jumpChain">;

/**
 * The pins a saved host keeps under new connection settings. A pin belongs to an address: the target's and
 * each jump host's pin stays while its address and port stay, hop by hop along a ProxyJump chain, and is
 * dropped (asked again at the next connection) when they change. With no saved host nothing is pinned.
 */
export function keptPins(saved: HostRow | null, connection: HostConnectionData): KeptPins {
  const sameTarget =
    saved !== null && connection.sshHost === saved.sshHost && connection.sshPort === (saved.sshPort ?? 22);
  const sameJump = saved !== null && connection.jumpHost === saved.jumpHost && connection.jumpPort === saved.jumpPort;
  const before = saved ? listJumpHops(saved) : [];
  const further = listJumpHops({ ...(saved ?? ({} as HostRow)), ...connection }).slice(1);
  const pinnedFurther = further.map((hop, index) => {
    const old = before[index + 1];
    return old && old.host === hop.host && old.port === hop.port ? { ...hop, keySha256: old.keySha256 } : hop;
  });
  return {
    hostKeySha256: sameTarget ? saved.hostKeySha256 : null,
    jumpKeySha256: sameJump ? saved.jumpKeySha256 : null,
    jumpChain: encodeJumpChain(pinnedFurther),
  };
}
