import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
import type { ErrorDetails } from "@/lib/snapshot/error-details";
import { commandLine } from "./shell-quote";

export type CollectFailure = { code: string; message: string; details: ErrorDetails | null };

/** `--jump` or `--hop N`: which key of a ProxyJump chain `hosts trust` pins. */
const endpointFlags = (d: ErrorDetails) =>
  d.endpoint !== "jump" ? [] : d.hop && d.hop > 1 ? ["--hop", String(d.hop)] : ["--jump"];

/** The endpoint as the transport names it, with the login the host uses there: `jump host 2 ops@10.0.1.2:22`. */
function where(host: HostRow, d: ErrorDetails): string {
  const user = d.endpoint === "jump" ? listJumpHops(host)[(d.hop ?? 1) - 1]?.user : host.sshUser;
  const label = d.endpoint === "jump" ? `jump host${d.hop ? ` ${d.hop}` : ""}` : "host";
  return `${label} ${user ? `${user}@` : ""}${d.host}:${d.port}`;
}

/** Host-key refusals, told from their recorded details with the command to run for this very host. */
function hostKeyFailure(host: HostRow, f: CollectFailure): string | null {
  const d = f.details;
  if (!d?.fingerprint) return null;
  const trust = (...replace: string[]) => [
    "hosts",
    "trust",
    host.name,
    d.fingerprint!,
    ...replace,
    ...endpointFlags(d),
  ];
  if (f.code === "host-key-unknown")
    return (
      `the host key of ${where(host, d)} is not trusted yet; it presented ${d.fingerprint}.\n` +
      "Compare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then trust it:\n" +
      `  ${commandLine(trust())}`
    );
  if (f.code === "host-key-changed" && d.pinned)
    return (
      `the host key of ${where(host, d)} has CHANGED: pinned ${d.pinned}, presented ${d.fingerprint}.\n` +
      "Refusing to connect, since this is what a man-in-the-middle attack looks like. If the server was really\n" +
      `re-keyed, replace the pin:\n  ${commandLine(trust("--replace", d.pinned))}`
    );
  return null;
}

/** What the CLI prints on stderr, once, for a failed collection: what happened and what to run next. */
export function describeCollectFailure(host: HostRow, failure: CollectFailure): string {
  const said = hostKeyFailure(host, failure) ?? failure.message;
  const hint =
    failure.code === "unit-not-found"
      ? `\nIf the unit file is somewhere systemd does not look, name it (PATH on the host, e.g. ` +
        `/etc/systemd/system/app.service):\n  ${commandLine(["hosts", "edit", host.name, "--unit-file"])} PATH`
      : "";
  return `deploylens: collect ${host.name} failed [${failure.code}]: ${said}${hint}\n`;
}
