import { z } from "zod";
import type { Host } from "./generated/client";

/** One jump host of a saved host, whichever columns hold it. */
export type JumpHop = {
  user: string;
  host: string;
  port: number;
  /** The hop's own key file; null = the ssh-agent. Never the target's credential. */
  identityFile: string | null;
  /** Its pinned "SHA256:…" fingerprint, null until accepted. */
  keySha256: string | null;
};

const storedHopSchema = z.object({
  user: z.string(),
  host: z.string(),
  port: z.number().int(),
  identityFile: z.string().nullable(),
  keySha256: z.string().nullable(),
});

/**
 * Every jump host of a saved host in connection order (1 = the one dialled directly): the jump columns,
 * then Host.jumpChain, which holds the further hops of a ProxyJump chain.
 */
export function listJumpHops(host: Host): JumpHop[] {
  if (!host.jumpHost) return [];
  const first: JumpHop = {
    user: host.jumpUser ?? "",
    host: host.jumpHost,
    port: host.jumpPort ?? 22,
    identityFile: host.jumpAuthMethod === "key-file" ? host.jumpIdentityFile : null,
    keySha256: host.jumpKeySha256,
  };
  const further = host.jumpChain ? z.array(storedHopSchema).parse(JSON.parse(host.jumpChain)) : [];
  return [first, ...further];
}

/** Host.jumpChain for the hops after the first; null when there are none. */
export function encodeJumpChain(further: JumpHop[]): string | null {
  return further.length ? JSON.stringify(further.map((hop) => storedHopSchema.parse(hop))) : null;
}
