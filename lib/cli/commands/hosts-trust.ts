import { trustHostKey } from "@/lib/hosts/trust-host-key";
import { cliActor } from "@/lib/audit/record-audit";
import type { Command } from "../command";
import { intOption } from "../option-values";
import { printOut } from "../output";

export const hostsTrustCommand: Command = {
  words: ["hosts", "trust"],
  synopsis: "hosts trust NAME SHA256:FINGERPRINT [--jump | --hop N] [--replace SHA256:OLD]",
  summary:
    "Pin a host key DeployLens was shown (by a host-key-unknown or host-key-changed failure) and you checked. " +
    "Replacing a pin needs --replace naming the old one.",
  help: "--jump is the jump host (the first of a ProxyJump chain); --hop N is the chain's Nth jump host (--hop 1 = --jump).",
  options: {
    jump: {
      type: "boolean",
      description: "The key is the jump host's (the first of a ProxyJump chain).",
      default: "the target's key",
    },
    hop: {
      type: "string",
      value: "N",
      description: "The key is the Nth jump host's of a chain (--hop 1 = --jump).",
      default: "none",
    },
    replace: {
      type: "string",
      value: "SHA256:OLD",
      description: "Replace this existing pin (required when one is pinned).",
      default: "none: only a first pin",
    },
  },
  positionals: { min: 2, max: 2 },
  async run(values, [name, fingerprint]) {
    const hop = intOption(values, "hop");
    const endpoint = values.jump || hop !== undefined ? "jump" : "target";
    const replace = values.replace as string | undefined;
    const by = cliActor();
    const host = await trustHostKey(name!, { fingerprint: fingerprint!, endpoint, hop, replace }, by);
    const which = endpoint === "target" ? "" : `the jump host${hop !== undefined ? ` ${hop}` : ""} of `;
    printOut(`Pinned ${fingerprint} for ${which}${host.name}\n`);
    return 0;
  },
};
