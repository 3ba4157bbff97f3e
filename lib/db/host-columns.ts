import { z } from "zod";
import type { Host } from "./generated/client";

/**
 * The JSON columns of a Host row (appRoots, entryPoints, jumpChain), decoded and encoded here only, each
 * checked by its schema: every query that returns a host decodes it here (decodeHost), and every write that
 * sets one of them encodes it here, so no code outside lib/db sees their JSON text.
 */

const pathListSchema = z.array(z.string());

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

/** The JSON columns as data: no entry points is an empty list, and so is a jump chain with no further hops. */
export type DecodedHostColumns = {
  appRoots: string[];
  entryPoints: string[];
  /** The hops of a ProxyJump chain after the first (which the jump columns hold), in connection order. */
  jumpChain: JumpHop[];
};

/** A saved host as the queries return it: its JSON columns decoded. */
export type HostRow = Omit<Host, keyof DecodedHostColumns> & DecodedHostColumns;

/** A Host row as read from the database, its JSON columns parsed with their schemas. */
export function decodeHost(row: Host): HostRow {
  return {
    ...row,
    appRoots: pathListSchema.parse(JSON.parse(row.appRoots)),
    entryPoints: row.entryPoints ? pathListSchema.parse(JSON.parse(row.entryPoints)) : [],
    jumpChain: row.jumpChain ? z.array(storedHopSchema).parse(JSON.parse(row.jumpChain)) : [],
  };
}

/** Host.appRoots as stored. */
export function encodeAppRoots(appRoots: string[]): string {
  return JSON.stringify(pathListSchema.parse(appRoots));
}

/** Host.entryPoints as stored; an empty list is stored as null (none set). */
export function encodeEntryPoints(entryPoints: string[]): string | null {
  return entryPoints.length ? JSON.stringify(pathListSchema.parse(entryPoints)) : null;
}

/** Host.jumpChain for the hops after the first; null when there are none. */
export function encodeJumpChain(further: JumpHop[]): string | null {
  return further.length ? JSON.stringify(further.map((hop) => storedHopSchema.parse(hop))) : null;
}

/**
 * Every jump host of a saved host in connection order (1 = the one dialled directly): the jump columns,
 * then the further hops of a ProxyJump chain.
 */
export function listJumpHops(
  host: Pick<
    HostRow,
    "jumpUser" | "jumpHost" | "jumpPort" | "jumpAuthMethod" | "jumpIdentityFile" | "jumpKeySha256" | "jumpChain"
  >,
): JumpHop[] {
  if (!host.jumpHost) return [];
  const first: JumpHop = {
    user: host.jumpUser ?? "",
    host: host.jumpHost,
    port: host.jumpPort ?? 22,
    identityFile: host.jumpAuthMethod === "key-file" ? host.jumpIdentityFile : null,
    keySha256: host.jumpKeySha256,
  };
  return [first, ...host.jumpChain];
}
