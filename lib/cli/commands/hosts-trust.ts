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
    await pinHostKey(host.id, values.jump ? "jump" : "target", fingerprint!);
    process.stdout.write(`Pinned ${fingerprint} for ${values.jump ? "the jump host of " : ""}${host.name}\n`);
    return 0;
  },
};
