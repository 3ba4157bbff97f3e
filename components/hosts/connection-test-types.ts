import type { ConnectionTest } from "@/lib/hosts/test-connection";

/** A key the user accepted in the form: pinned through the trust flow when the host is saved. */
export type AcceptedPin = { endpoint: "target" | "jump"; fingerprint: string; replace?: string };

export type { ConnectionTest };

/** What a Test connection failure asks the user to do next; the message itself says what happened. */
export function testNextStep(code: string): string {
  if (code === "host-key-unknown")
    return "Compare this fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on the host, then trust it:";
  if (code === "host-key-changed")
    return "A changed key can mean a reinstalled host or an attack: check it on the host before replacing the pin.";
  if (code === "auth-failed" || code.startsWith("key-"))
    return "Check the user and the key, agent or password above, then test again.";
  if (code === "connect-failed" || code === "connect-timeout" || code === "jump-failed")
    return "Check the address and port, and that this server can reach the host's SSH port.";
  if (code === "no-python") return "Install python3 on the target, or name the service's interpreter below.";
  if (code.startsWith("identity-file")) return "Check the key file's path and that the DeployLens process can read it.";
  return "Fix what the message names, then test again.";
}
