import { displayPath } from "@/lib/snapshot/display-path";
import type { Evidence, Finding } from "../types";
import type { Rule } from "./rule";
import type { Facts } from "./support/facts";
import { isUnder } from "./support/join-path";
import { prefixFixSteps } from "./support/prefix-fix";

const id = "pycache-prefix-volatile";
const VOLATILE_FS = new Set(["tmpfs", "ramfs"]);

/** The mount the prefix lives on: the longest mount point above it. */
function mountOf(f: Facts, path: string) {
  let best: Facts["inventory"]["mounts"][number] | null = null;
  for (const mount of f.inventory.mounts) {
    if (isUnder(path, mount.mountPoint) && (!best || mount.mountPoint.length > best.mountPoint.length)) best = mount;
  }
  return best;
}

/** python-bytecode.md §7: PrivateTmp= deletes the service's /tmp when it stops; a tmpfs forgets at reboot. */
export const pycachePrefixVolatile: Rule = {
  id,
  check(f): Finding | null {
    if (!f.prefix) return null;
    const privateTmp = f.service.privateTmp || f.service.dynamicUser;
    const inTmp = isUnder(f.prefix, "/tmp") || isUnder(f.prefix, "/var/tmp");
    const mount = mountOf(f, f.prefix);
    const onTmpfs = mount !== null && VOLATILE_FS.has(mount.fsType);
    if (!(privateTmp && inTmp) && !onTmpfs) return null;
    const prefix = displayPath(f.prefix);
    const evidence: Evidence[] = [{ label: "PYTHONPYCACHEPREFIX", value: prefix }];
    if (privateTmp && inTmp)
      evidence.push({ label: "PrivateTmp", value: f.service.dynamicUser ? "yes (implied by DynamicUser=yes)" : "yes" });
    if (mount && onTmpfs)
      evidence.push({ label: "Filesystem", value: `${mount.fsType} mounted on ${displayPath(mount.mountPoint)}` });
    const restart = privateTmp && inTmp;
    return {
      id,
      severity: restart ? "warning" : "info",
      title: restart
        ? "The pycache prefix is deleted at every service stop"
        : "The pycache prefix is lost at every reboot",
      detail: restart
        ? `With PrivateTmp= the service gets its own /tmp and /var/tmp, which systemd deletes when the service stops. The cache under ${prefix} therefore starts empty after every restart, and because a prefix makes the interpreter ignore every __pycache__, the first start recompiles everything it imports, stdlib included. The host's ${prefix} is not the one the service sees, so the coverage shown for it says nothing about the running service.`
        : `${prefix} is on a ${mount?.fsType} filesystem, which starts empty after a reboot; the first start after each boot recompiles every module the service imports, stdlib included, because a prefix makes the interpreter ignore every __pycache__.`,
      evidence,
      fix: prefixFixSteps(f),
    };
  },
};
