import { BlockList, isIP } from "node:net";

/** An address as node:net reads it, with IPv4-mapped IPv6 ("::ffff:10.0.0.1") written as IPv4; else null. */
export function validAddress(text: string | null | undefined): string | null {
  const value = text?.trim() ?? "";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value)?.[1];
  if (mapped && isIP(mapped) === 4) return mapped;
  return isIP(value) ? value.toLowerCase() : null;
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 4 ? "ipv4" : "ipv6";
}

/**
 * DEPLOYLENS_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the reverse proxies in front of
 * DeployLens. An entry that is neither is an error, so a typo does not silently trust nobody.
 */
export function trustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (setting ?? "").split(",").map((part) => part.trim())) {
    if (!entry) continue;
    const [base, bits, ...rest] = entry.split("/");
    const address = validAddress(base);
    const prefix = bits === undefined ? null : Number(bits);
    const max = address && family(address) === "ipv4" ? 32 : 128;
    if (!address || rest.length || (prefix !== null && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max)))
      throw new Error(`DEPLOYLENS_TRUSTED_PROXIES: ${JSON.stringify(entry)} is not an IP address or CIDR range`);
    if (prefix === null) list.addAddress(address, family(address));
    else list.addSubnet(address, prefix, family(address));
  }
  return list;
}

export function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, family(address));
}
