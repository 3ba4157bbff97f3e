import path from "node:path";
import { text } from "node:stream/consumers";
import type { HostRow } from "@/lib/db/queries/hosts";
import { decodeHostLists } from "@/lib/db/host-columns";
import { hostInputSchema, parseEndpoint } from "@/lib/hosts/host-input";
import { hostRowData, type HostConnectionData } from "@/lib/hosts/host-row-data";
import { savedFormFields } from "@/lib/hosts/saved-form-fields";
import { CliError } from "./cli-error";
import type { OptionSpec, OptionValues } from "./command";
import { stringOption } from "./option-values";

/** What the edit form's connection fields change, as `hosts edit` options (an SSH host only). */
export const connectionEditOptions: Record<string, OptionSpec> = {
  ssh: {
    type: "string",
    value: "USER@HOST[:PORT]",
    description: "Reach the host at this address.",
    default: "unchanged",
  },
  agent: { type: "boolean", description: "Log in with the ssh-agent.", default: "unchanged" },
  identity: { type: "string", value: "FILE", description: "Log in with this private key file.", default: "unchanged" },
  "password-stdin": {
    type: "boolean",
    description: "Log in with a password read from stdin (stored encrypted).",
    default: "unchanged",
  },
  "private-key-stdin": {
    type: "boolean",
    description: "Log in with a private key read from stdin (stored encrypted; no passphrase).",
    default: "unchanged",
  },
  jump: {
    type: "string",
    value: "USER@HOST[:PORT]",
    description: "Connect through this jump host; none connects directly.",
    default: "unchanged",
  },
  "jump-identity": {
    type: "string",
    value: "FILE",
    description: "The jump host logs in with this key file; none uses the ssh-agent.",
    default: "unchanged",
  },
};

const LOGINS = ["agent", "identity", "password-stdin", "private-key-stdin"] as const;

/** The login the options ask for, or the stored one; a blank secret with the stored method keeps the secret. */
async function authFrom(values: OptionValues, host: HostRow) {
  const given = LOGINS.filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new CliError(`choose one login: ${given.map((flag) => `--${flag}`).join(", ")}`);
  const secret = async () => (await text(process.stdin)).replace(/\r?\n$/, "");
  if (values.agent) return { method: "agent" };
  if (values.identity) return { method: "key-file", identityFile: path.resolve(stringOption(values, "identity")!) };
  if (values["password-stdin"]) return { method: "password", password: await secret() };
  if (values["private-key-stdin"]) return { method: "stored-key", privateKey: `${await secret()}\n` };
  if (host.authMethod === "key-file") return { method: "key-file", identityFile: host.identityFile };
  if (host.authMethod === "password") return { method: "password", password: "" };
  if (host.authMethod === "stored-key") return { method: "stored-key", privateKey: "" };
  return { method: "agent" };
}

function jumpFrom(values: OptionValues, host: HostRow) {
  const jump = stringOption(values, "jump");
  const identity = stringOption(values, "jump-identity");
  const current = host.jumpHost ? { user: host.jumpUser, host: host.jumpHost, port: host.jumpPort } : null;
  const next = jump === undefined ? current : jump === "none" || jump === "" ? null : parseEndpoint(jump);
  if (!next) return { jump: null, jumpChain: [] };
  const storedKey = host.jumpAuthMethod === "key-file" ? host.jumpIdentityFile : null;
  const keyFile =
    identity === undefined ? storedKey : identity === "none" || identity === "" ? null : path.resolve(identity);
  return { jump: next, jumpAuth: keyFile ? { method: "key-file", identityFile: keyFile } : { method: "agent" } };
}

/**
 * The connection the options ask for, validated as the edit form's (hostInputSchema, blank secrets kept), or
 * null when no connection option is given. Saving it (editHostConnection) makes pins follow addresses.
 */
export async function connectionFromOptions(host: HostRow, values: OptionValues): Promise<HostConnectionData | null> {
  if (!Object.keys(connectionEditOptions).some((flag) => values[flag] !== undefined)) return null;
  if (host.transport !== "ssh") throw new CliError(`${host.name} is this machine: it has no SSH connection to change`);
  const ssh = stringOption(values, "ssh");
  const raw = {
    ...decodeHostLists(host),
    serviceUnit: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    timeoutSeconds: host.timeoutSeconds,
    ssh: ssh === undefined ? { user: host.sshUser, host: host.sshHost, port: host.sshPort } : parseEndpoint(ssh),
    auth: await authFrom(values, host),
    ...jumpFrom(values, host),
  };
  const input = hostInputSchema.parse({ ...savedFormFields(raw, host), name: host.name, transport: "ssh" });
  return hostRowData(input).connection;
}
