import path from "node:path";
import { text } from "node:stream/consumers";
import { cliActor } from "@/lib/audit/record-audit";
import { toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";
import { parseEndpoint } from "@/lib/hosts/host-input";
import { CliError } from "../cli-error";
import type { Command, OptionValues } from "../command";
import { printOut } from "../output";
import { intOption } from "../option-values";
import { updateHostSchedule } from "@/lib/db/queries/host-updates";
import { parseSchedule } from "@/lib/jobs/cron-schedule";
import { hostSettingOptions, sshConnectionOptions } from "../host-setting-options";

const str = (values: OptionValues, key: string) => values[key] as string | undefined;

/** The target's login when an option names one; otherwise the alias's IdentityFile, else the ssh-agent. */
async function authFrom(values: OptionValues) {
  if (values["password-stdin"] && values.identity)
    throw new CliError("use either --identity or --password-stdin, not both");
  if (values["password-stdin"]) {
    const password = (await text(process.stdin)).replace(/\r?\n$/, "");
    return { method: "password" as const, password };
  }
  const identity = str(values, "identity");
  return identity ? { method: "key-file" as const, identityFile: path.resolve(identity) } : undefined;
}

/** --jump replaces an alias's ProxyJump; the bastion logs in with --jump-identity, else the ssh-agent. */
function jumpFrom(values: OptionValues) {
  const jump = str(values, "jump");
  const jumpIdentity = str(values, "jump-identity");
  if (jumpIdentity && !jump) throw new CliError("--jump-identity needs --jump USER@HOST[:PORT]");
  if (!jump) return {};
  const jumpAuth = jumpIdentity
    ? { method: "key-file" as const, identityFile: path.resolve(jumpIdentity) }
    : { method: "agent" as const };
  return { jump: parseEndpoint(jump), jumpAuth };
}

/** The host input `hosts add` (and `hosts import-ssh-config`, per alias) builds from its options. */
export async function inputFrom(name: string, values: OptionValues) {
  const common = {
    name,
    appRoots: (values["app-root"] as string[] | undefined) ?? [],
    serviceUnit: str(values, "service") ?? null,
    unitFile: str(values, "unit-file") ? path.resolve(str(values, "unit-file")!) : null,
    python: str(values, "python") ?? null,
    serviceUser: str(values, "user") ?? null,
    container: str(values, "container") ?? null,
    engine: str(values, "engine") ?? null,
    entryPoints: (values.entry as string[] | undefined) ?? [],
    measureStartup: !values["no-startup-cost"],
    maxFiles: intOption(values, "max-files"),
    timeoutSeconds: intOption(values, "timeout"),
  };
  if (values.local && values.ssh) throw new CliError("use either --local or --ssh USER@HOST[:PORT], not both");
  if (values.local) return { transport: "local", ...common };
  const target = str(values, "ssh");
  if (!target) throw new CliError("say where the host is: --local or --ssh USER@HOST[:PORT]");
  // createHost resolves the text (an alias with its IdentityFile and ProxyJump chain) as the API does.
  return {
    transport: "ssh",
    ...common,
    ssh: target,
    sshConfig: str(values, "ssh-config"),
    auth: await authFrom(values),
    ...jumpFrom(values),
    acceptHostKey: Boolean(values["accept-host-key"]),
  };
}

export const hostsAddCommand: Command = {
  words: ["hosts", "add"],
  synopsis:
    "hosts add NAME (--local | --ssh USER@HOST[:PORT]|ALIAS [--ssh-config FILE] [--identity FILE | --password-stdin]\n" +
    "             [--jump USER@HOST[:PORT] [--jump-identity FILE]] [--accept-host-key])\n" +
    "             --app-root PATH [--app-root PATH …] [--service UNIT] [--unit-file PATH] [--python PATH]\n" +
    "             [--user NAME] [--container NAME [--engine docker|podman]]\n" +
    "             [--entry MODULE[:ATTR] …] [--no-startup-cost] [--max-files N] [--timeout SECONDS] [--schedule CRON]",
  summary:
    "Save a host. SSH uses the ssh-agent unless --identity, --password-stdin or the alias's IdentityFile says " +
    "otherwise; a jump host logs in with its own credential, the ssh-agent unless --jump-identity is given.",
  help:
    "--ssh ALIAS reads HostName, User, Port, IdentityFile, ProxyJump (chains too, each hop with its own\n" +
    "IdentityFile) and Include from ~/.ssh/config (or --ssh-config FILE) once, now; --jump replaces its ProxyJump.\n" +
    "--container NAME collects a running Docker/Podman container on the target as the service.",
  options: {
    local: { type: "boolean", description: "The host is this machine (no SSH).", default: "off" },
    ...sshConnectionOptions(false),
    "accept-host-key": {
      type: "boolean",
      description: "Pin the target's and every jump host's key on first use instead of asking.",
      default: "off: trust with hosts trust",
    },
    ...hostSettingOptions(false),
    container: {
      type: "string",
      value: "NAME",
      description: "A running Docker or Podman container on the target that runs the service.",
      default: "none: a plain host",
    },
    engine: {
      type: "string",
      value: "docker|podman",
      description: "The container engine's CLI to ask.",
      default: "docker if the target has it, else podman",
    },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const schedule = values.schedule === undefined ? null : parseSchedule(values.schedule as string);
    let row = await createHost(await inputFrom(name!, values), cliActor());
    if (schedule) row = await updateHostSchedule(row.id, schedule);
    const host = toHostView(row);
    printOut(`Saved host ${host.name} (${host.target}); collect it with: deploylens collect ${host.name}\n`);
    return 0;
  },
};
