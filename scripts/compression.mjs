// Which answers the server gzips: scripts/serve.mjs asks this, and Next's own gzip (next.config.js) does the work.
// Compressing is a quarter to a third of the server's CPU per request (docs/performance.md), and it only pays where
// the bytes cross a network. Over loopback they do not: a browser on the same machine, an SSH tunnel (its sshd
// connects over loopback) or a reverse proxy on the same machine, which compresses for the network itself
// (docs/operations.md).
//
// DEPLOYLENS_COMPRESSION: unset or "auto" compresses for peers that are not on loopback; "on" always; "off" never.

const MODES = new Set(["auto", "on", "off"]);

/** The mode DEPLOYLENS_COMPRESSION asks for; a value outside auto, on and off is refused at start. */
export function compressionMode(value = process.env.DEPLOYLENS_COMPRESSION) {
  const mode = (value ?? "").trim().toLowerCase() || "auto";
  if (!MODES.has(mode))
    throw new Error(`DEPLOYLENS_COMPRESSION must be auto, on or off (unset means auto), not ${JSON.stringify(value)}`);
  return mode;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (::ffff:127.0.0.1), which a dual-stack socket reports. */
export function isLoopback(address) {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** Whether an answer to this socket peer may be compressed under `mode`. */
export function mayCompress(mode, peerAddress) {
  return mode === "on" || (mode === "auto" && !isLoopback(peerAddress));
}
