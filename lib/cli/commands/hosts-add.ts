import path from "node:path";
import { text } from "node:stream/consumers";
import { cliActor, recordAudit } from "@/lib/audit/record-audit";
import { toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";
import { parseEndpoint } from "@/lib/hosts/host-input";
import { CliError } from "../cli-error";
import type { Command, OptionValues } from "../command";
import { printOut } from "../output";

const str = (values: OptionValues, key: string) => values[key] as string | undefined;

async function authFrom(values: OptionValues) {
  if (values["password-stdin"] && values.identity) throw new CliError("use either --identity or --password-stdin, not both");
  if (values["password-stdin"]) {
    const password = (await text(process.stdin)).replace(/\r?\n$/, "");
    return { method: "password" as const, password };
  }
  const identity = str(values, "identity");
  if (identity) return { method: "key-file" as const, identityFile: path.resolve(identity) };
  return { method: "agent" as const };
}

async function inputFrom(name: string, values: OptionValues) {
  const common = {
    name,
    appRoots: (values["app-root"] as string[] | undefined) ?? [],
    serviceUnit: str(values, "service") ?? null,
    unitFile: str(values, "unit-file") ? path.resolve(str(values, "unit-file")!) : null,
    python: str(values, "python") ?? null,
    entryPoints: (values.entry as string[] | undefined) ?? [],
    measureStartup: !values["no-startup-cost"],
  };
  if (values.local && values.ssh) throw new CliError("use either --local or --ssh USER@HOST[:PORT], not both");
  if (values.local) return { transport: "local", ...common };
  const target = str(values, "ssh");
  if (!target) throw new CliError("say where the host is: --local or --ssh USER@HOST[:PORT]");
  const jump = str(values, "jump");
  const jumpIdentity = str(values, "jump-identity");
  if (jumpIdentity && !jump) throw new CliError("--jump-identity needs --jump USER@HOST[:PORT]");
  return {
    transport: "ssh",
    ...common,
    ssh: parseEndpoint(target),
    auth: await authFrom(values),
    jump: jump ? parseEndpoint(jump) : null,
    jumpAuth: jumpIdentity
      ? { method: "key-file" as const, identityFile: path.resolve(jumpIdentity) }
      : { method: "agent" as const },
    acceptHostKey: Boolean(values["accept-host-key"]),
  };
}

export const hostsAddCommand: Command = {
  words: ["hosts", "add"],
  synopsis:
    "hosts add NAME (--local | --ssh USER@HOST[:PORT] [--identity FILE | --password-stdin]\n" +
    "             [--jump USER@HOST[:PORT] [--jump-identity FILE]] [--accept-host-key])\n" +
    "             --app-root PATH [--app-root PATH …] [--service UNIT] [--unit-file PATH] [--python PATH]\n" +
    "             [--entry MODULE[:ATTR] …] [--no-startup-cost]",
  summary:
    "Save a host. SSH uses the ssh-agent unless --identity or --password-stdin is given; a jump host logs in " +
    "with its own credential, the ssh-agent unless --jump-identity is given.",
  options: {
    local: { type: "boolean" },
    ssh: { type: "string" },
    identity: { type: "string" },
    "password-stdin": { type: "boolean" },
    jump: { type: "string" },
    "jump-identity": { type: "string" },
    "accept-host-key": { type: "boolean" },
    "app-root": { type: "string", multiple: true },
    service: { type: "string" },
    "unit-file": { type: "string" },
    python: { type: "string" },
    entry: { type: "string", multiple: true },
    "no-startup-cost": { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = toHostView(await createHost(await inputFrom(name!, values)));
    await recordAudit({ actor: cliActor(), address: null, action: "host-created", object: { type: "host", id: host.name } });
    printOut(`Saved host ${host.name} (${host.target}); collect it with: deploylens collect ${host.name}\n`);
    return 0;
  },
};
