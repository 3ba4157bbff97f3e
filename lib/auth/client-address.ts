import { isTrusted, trustedProxies, validAddress } from "./trusted-proxies";

/**
 * The socket's peer address. The DeployLens server (scripts/serve.mjs) writes it into this header on
 * every request, replacing whatever the client sent, and marks the process so; under any other server
 * (`next dev`, a bare `next start`) the header could be the client's own and is not read.
 */
export const PEER_HEADER = "x-deploylens-peer";
const PEER_HEADER_MARK = Symbol.for("deploylens.peer-header");

function peerAddress(req: Request): string | null {
  if ((globalThis as Record<symbol, unknown>)[PEER_HEADER_MARK] !== true) return null;
  return validAddress(req.headers.get(PEER_HEADER));
}

/**
 * The caller's address, always a valid IP or null. The peer itself, unless DEPLOYLENS_TRUSTED_PROXIES
 * names it: then X-Forwarded-For is read from the right, past every trusted proxy, and the first address
 * that is not one is the caller. A malformed entry ends the walk at the last proxy that could be vouched
 * for, so a client can neither choose its address nor smuggle text into the audit log.
 */
export function clientAddress(req: Request, env: Record<string, string | undefined> = process.env): string | null {
  const peer = peerAddress(req);
  if (!peer) return null;
  const trusted = trustedProxies(env.DEPLOYLENS_TRUSTED_PROXIES);
  if (!isTrusted(trusted, peer)) return peer;
  let caller = peer;
  const hops = (req.headers.get("x-forwarded-for") ?? "").split(",").reverse();
  for (const hop of hops) {
    const address = validAddress(hop);
    if (!address) break;
    caller = address;
    if (!isTrusted(trusted, address)) break;
  }
  return caller;
}
