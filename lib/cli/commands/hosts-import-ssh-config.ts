import fs from "node:fs";
import { cliActor } from "@/lib/audit/record-audit";
import { toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";
import { sshConfigContext } from "@/lib/hosts/ssh-config-context";
import { listSshAliases, resolveSshAlias } from "@/lib/hosts/ssh-config-resolve";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { formatTable } from "../format-table";
import { hostsAddCommand, inputFrom } from "./hosts-add";
import { printJson, printOut } from "../output";

const isFile = (arg: string) => fs.existsSync(arg) && fs.statSync(arg).isFile();
const target = (e: { user: string; host: string; port: number }) => `${e.user}@${e.host}:${e.port}`;

const { ssh: _ssh, local: _local, jump: _jump, ...addOptions } = hostsAddCommand.options;

export const hostsImportSshConfigCommand: Command = {
  words: ["hosts", "import-ssh-config"],
  synopsis: "hosts import-ssh-config [FILE] [--all | ALIAS …] [--app-root PATH …] [hosts add options] [--json]",
  summary:
    "List the aliases of ~/.ssh/config (or FILE); with --all or ALIAS names, save each as a host named after it.",
  help: "Adding needs --app-root (and takes the other options of hosts add, applied to every alias).",
  options: {
    ...addOptions,
    all: { type: "boolean", description: "Save every alias of the file.", default: "off: only the aliases named" },
    json: { type: "boolean", description: "Print JSON instead of text.", default: "off" },
  },
  positionals: { min: 0, max: Infinity },
  async run(values, positionals) {
    const file = positionals[0] !== undefined && isFile(positionals[0]) ? positionals[0] : undefined;
    const names = file ? positionals.slice(1) : positionals;
    const ctx = sshConfigContext(file);
    const aliases = listSshAliases(ctx);
    if (values.all && names.length) throw new CliError("name aliases or use --all, not both");
    const chosen = values.all ? aliases : names;
    if (chosen.length === 0) {
      const rows = aliases.map((alias) => {
        try {
          const r = resolveSshAlias(alias, ctx);
          // The chain as ProxyJump writes it: the hop dialled first, then each next one.
          const jump = r.jumps.length ? r.jumps.map(target).join(",") : null;
          return { alias, target: target(r.ssh), jump, error: null };
        } catch (error) {
          return { alias, target: null, jump: null, error: (error as Error).message };
        }
      });
      if (values.json) printJson(rows);
      else
        printOut(
          formatTable(
            ["ALIAS", "TARGET", "JUMP"],
            rows.map((r) => [r.alias, r.target ?? r.error ?? "", r.jump ?? ""]),
          ),
        );
      return 0;
    }
    const added = [];
    for (const alias of chosen) {
      const host = toHostView(
        await createHost(await inputFrom(alias, { ...values, ssh: alias, "ssh-config": ctx.configFile }), cliActor()),
      );
      added.push(host);
      const via = [host.jump, ...host.jumpChain.map((hop) => hop.jump)].filter(Boolean).join(",");
      if (!values.json) printOut(`Saved host ${host.name} (${host.target}${via ? ` via ${via}` : ""})\n`);
    }
    if (values.json) printJson(added);
    return 0;
  },
};
