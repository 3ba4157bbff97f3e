// Which answers the server gzips: scripts/serve.mjs asks this, and Next's own gzip (next.config.js) does the work.
// Compressing is a quarter to a third of the server's CPU per request (docs/performance.md), and it only pays where
// the bytes cross a network. Over loopback they do not: a browser on the same machine, an SSH tunnel (its sshd
// connects over loopback) or a reverse proxy on the same machine, which compresses for the network itself
// (docs/operations.md).
//
// DEPLOYLENS_COMPRESSION: unset or "auto" compresses for peers that are not on loopback; "on" always; "off" never.

import { BlockList, isIP } from "node:net";

const MODES = new Set(["auto", "on", "off"]);

/** The mode DEPLOYLENS_COMPRESSION asks for; a value outside auto, on and off is refused at start. */
export function compressionMode(value = process.env.DEPLOYLENS_COMPRESSION) {
  const mode = (value ?? "").trim().toLowerCase() || "auto";
  if (!MODES.has(mode))
    throw new Error(`DEPLOYLENS_COMPRESSION must be auto, on or off (unset means auto), not ${JSON.stringify(value)}`);
  return mode;
}

// A BlockList, as lib/auth/trusted-proxies.ts uses for its proxies: it also matches IPv4-mapped IPv6
// (::ffff:127.0.0.1, what a dual-stack socket reports) against the IPv4 range.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** 127.0.0.0/8 and ::1, in every form a socket reports them. */
export function isLoopback(address) {
  const family = address ? isIP(address) : 0;
  return family !== 0 && LOOPBACK.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Whether an answer to this socket peer may be compressed under `mode`. */
export function mayCompress(mode, peerAddress) {
  return mode === "on" || (mode === "auto" && !isLoopback(peerAddress));
}
