import { cliActor, recordAudit } from "@/lib/audit/record-audit";
import { getHostOrThrow, pinHostKey } from "@/lib/db/queries/hosts";
import { CliError } from "../cli-error";
import type { Command } from "../command";

export const hostsTrustCommand: Command = {
  words: ["hosts", "trust"],
  synopsis: "hosts trust NAME SHA256:FINGERPRINT [--jump]",
  summary: "Pin the host key you have checked (from a host-key-unknown or host-key-changed error).",
  options: { jump: { type: "boolean" } },
  positionals: { min: 2, max: 2 },
  async run(values, [name, fingerprint]) {
    if (!/^SHA256:[A-Za-z0-9+/]{43}$/.test(fingerprint!)) throw new CliError(`not an OpenSSH SHA256 fingerprint: ${fingerprint}`);
    const host = await getHostOrThrow(name!);
    const endpoint = values.jump ? "jump" : "target";
    const previous = endpoint === "jump" ? host.jumpKeySha256 : host.hostKeySha256;
    await pinHostKey(host.id, endpoint, fingerprint!);
    const action = previous && previous !== fingerprint ? "host-key-replaced" : "host-key-accepted";
    await recordAudit({ actor: cliActor(), address: null, action, object: { type: "host", id: host.name }, detail: { endpoint, fingerprint, previous } });
    process.stdout.write(`Pinned ${fingerprint} for ${values.jump ? "the jump host of " : ""}${host.name}\n`);
    return 0;
  },
};
