import { z } from "zod";
import type { Host } from "./generated/client";

/**
 * The JSON columns of a Host row (appRoots, entryPoints, jumpChain), decoded and encoded here only, each
 * checked by its schema: the host view, the collector spec, the edit form and the transport read them
 * through these, and adding or editing a host writes them through these.
 */

const pathListSchema = z.array(z.string());

/** Host.appRoots and Host.entryPoints as lists; no entry points is an empty list. */
export function decodeHostLists(host: Pick<Host, "appRoots" | "entryPoints">): {
  appRoots: string[];
  entryPoints: string[];
} {
  return {
    appRoots: pathListSchema.parse(JSON.parse(host.appRoots)),
    entryPoints: host.entryPoints ? pathListSchema.parse(JSON.parse(host.entryPoints)) : [],
  };
}

/** The column values for the two lists; an empty entry-point list is stored as null (none set). */
export function encodeHostLists(lists: {
  appRoots: string[];
  entryPoints: string[];
}): Pick<Host, "appRoots" | "entryPoints"> {
  return {
    appRoots: JSON.stringify(lists.appRoots),
    entryPoints: lists.entryPoints.length ? JSON.stringify(lists.entryPoints) : null,
  };
}

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
