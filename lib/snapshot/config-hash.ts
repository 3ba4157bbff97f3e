import type { Inventory } from "./schema";
import { canonicalJson } from "./canonical-json";
import { sha256Hex } from "./blob-codec";

/**
 * Fingerprint of the effective service configuration and interpreter settings. The history
 * chart marks the snapshots where it changes; the live process and file mtimes are left out
 * because they change on every restart without a configuration change.
 */
export function configHash(inventory: Inventory): string {
  const { process: _process, configFiles: _files, identity: fullIdentity, ...rest } = inventory.service;
  // Who named the user is not configuration (and older snapshots lack it): the user itself is.
  const { source: _source, ...identity } = fullIdentity;
  const service = { ...rest, identity };
  const interpreter = inventory.interpreter && {
    path: inventory.interpreter.path,
    version: inventory.interpreter.version,
    optimize: inventory.interpreter.optimize,
    pycachePrefix: inventory.interpreter.pycachePrefix,
    dontWriteBytecode: inventory.interpreter.dontWriteBytecode,
  };
  return sha256Hex(canonicalJson({ service, interpreter })).slice(0, 16);
}
