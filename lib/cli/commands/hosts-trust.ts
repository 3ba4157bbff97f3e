import { trustHostKey } from "@/lib/hosts/trust-host-key";
import { cliActor, recordAudit } from "@/lib/audit/record-audit";
import type { Command } from "../command";
import { printOut } from "../output";

export const hostsTrustCommand: Command = {
  words: ["hosts", "trust"],
  synopsis: "hosts trust NAME SHA256:FINGERPRINT [--jump] [--replace SHA256:OLD]",
  summary:
    "Pin a host key DeployLens was shown (by a host-key-unknown or host-key-changed failure) and you checked. " +
    "Replacing a pin needs --replace naming the old one.",
  options: { jump: { type: "boolean" }, replace: { type: "string" } },
  positionals: { min: 2, max: 2 },
  async run(values, [name, fingerprint]) {
    const endpoint = values.jump ? "jump" : "target";
    const replace = values.replace as string | undefined;
    const host = await trustHostKey(name!, { fingerprint: fingerprint!, endpoint, replace });
    const action = replace ? "host-key-replaced" : "host-key-accepted";
    const detail = { endpoint, fingerprint, previous: replace ?? null };
    await recordAudit({ actor: cliActor(), address: null, action, object: { type: "host", id: host.name }, detail });
    printOut(`Pinned ${fingerprint} for ${values.jump ? "the jump host of " : ""}${host.name}\n`);
    return 0;
  },
};
