import type { HostRow } from "@/lib/db/queries/hosts";
import type { Sshd } from "../../support/sshd";
import type { BenchTarget } from "./worker-protocol";

/** Bench hosts never stop early: the limits are the schema's largest, so a snapshot is never truncated. */
export const BENCH_LIMITS = { maxFiles: 5_000_000, timeoutSeconds: 3600 } as const;

/** The body of POST /api/hosts (and createHost) for an SSH host on the test sshd, key-file auth. */
export function benchHostInput(name: string, root: string, target: BenchTarget, python: string) {
  return {
    transport: "ssh",
    name,
    appRoots: [root],
    python,
    // The floor only lists files; timing module imports is a separate, optional part of a snapshot.
    measureStartup: false,
    ...BENCH_LIMITS,
    ssh: { user: target.user, host: target.host, port: target.port },
    auth: { method: "key-file", identityFile: target.privateKeyPath },
  };
}

/** Saves the host and pins the sshd's host key, as a user does after checking the fingerprint. */
export async function createBenchHost(
  name: string,
  root: string,
  target: BenchTarget,
  python: string,
): Promise<HostRow> {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { pinHostKey, getHostOrThrow } = await import("@/lib/db/queries/hosts");
  const host = await createHost(benchHostInput(name, root, target, python));
  await pinHostKey(host.id, "target", target.fingerprint);
  return getHostOrThrow(host.id);
}

/** What a bench host needs to know of a test sshd. */
export const benchTarget = (sshd: Sshd): BenchTarget => ({
  host: sshd.host,
  port: sshd.port,
  user: sshd.user,
  privateKeyPath: sshd.privateKeyPath,
  fingerprint: sshd.hostKeyFingerprint,
});
