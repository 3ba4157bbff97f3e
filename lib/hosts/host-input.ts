import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/**
 * Every host field that reaches a command line (systemctl's unit, ssh's user and host) must not start with '-':
 * the command would read it as an option (a unit "-Hroot@host" is systemctl's --host, which starts ssh).
 */
export const LEADING_DASH_MESSAGE = "must not start with '-' (a command would read it as an option)";
const noLeadingDash = /^(?!-)/;

const name = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
    "use 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit",
  );
const absolutePath = z.string().startsWith("/", "must be an absolute path").max(4096);
const port = z.number().int().min(1).max(65535);
const endpoint = z.object({
  user: z
    .string()
    .min(1)
    .max(64)
    .regex(noLeadingDash, LEADING_DASH_MESSAGE)
    .regex(/^[^\s@:]+$/, "no spaces, '@' or ':'"),
  host: z
    .string()
    .min(1)
    .max(255)
    .regex(noLeadingDash, LEADING_DASH_MESSAGE)
    .regex(/^[A-Za-z0-9.\-:\[\]]+$/, "a host name or IP address"),
  port: port.default(22),
});

const common = {
  name,
  appRoots: z.array(absolutePath).min(1, "name at least one --app-root"),
  serviceUnit: z
    .string()
    .regex(noLeadingDash, LEADING_DASH_MESSAGE)
    .regex(/^[A-Za-z0-9@:._\\-]+$/, "a systemd unit name")
    .nullable()
    .default(null),
  unitFile: absolutePath.nullable().default(null),
  python: absolutePath.nullable().default(null),
  /** "MODULE[:ATTR]" entry points added to those the collector derives from ExecStart. */
  entryPoints: z
    .array(z.string().regex(/^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*)?$/, "MODULE[:ATTR], e.g. wsgi:app"))
    .max(100)
    .default([]),
  measureStartup: z.boolean().default(true),
  maxFiles: z.number().int().min(100).max(5_000_000).default(300_000),
  timeoutSeconds: z.number().int().min(5).max(3600).default(120),
};

export const sshAuthInputSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("agent") }),
  z.object({ method: z.literal("key-file"), identityFile: absolutePath }),
  z.object({
    method: z.literal("stored-key"),
    privateKey: z.string().min(1).max(64_000),
    passphrase: z.string().max(1024).optional(),
  }),
  z.object({ method: z.literal("password"), password: z.string().min(1).max(1024) }),
]);

/** The jump host's own login: the ssh-agent, or a key file. The target's credential never goes there. */
export const jumpAuthInputSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("agent") }),
  z.object({ method: z.literal("key-file"), identityFile: absolutePath }),
]);

/** A ProxyJump chain is at most this many hops: a sane bound, far beyond real bastion setups. */
export const MAX_JUMP_HOPS = 8;

/** A further hop of a chain, after `jump`: where, and its own login. */
const jumpHopInput = endpoint.extend({ auth: jumpAuthInputSchema.default({ method: "agent" }) });

export const hostInputSchema = z.discriminatedUnion("transport", [
  z.object({ transport: z.literal("local"), ...common }),
  z.object({
    transport: z.literal("ssh"),
    ...common,
    ssh: endpoint,
    auth: sshAuthInputSchema,
    jump: endpoint.nullable().default(null),
    jumpAuth: jumpAuthInputSchema.default({ method: "agent" }),
    /** The further hops of a chain (`ssh -J jump,b,c`: b then c), each with its own login; needs `jump`. */
    jumpChain: z
      .array(jumpHopInput)
      .max(MAX_JUMP_HOPS - 1)
      .default([]),
    acceptHostKey: z.boolean().default(false),
  }),
]);

export type HostInput = z.infer<typeof hostInputSchema>;
export type SshAuthInput = z.infer<typeof sshAuthInputSchema>;

/** "user@host[:port]" as the CLI takes it. */
export function parseEndpoint(text: string): z.input<typeof endpoint> {
  const match = /^([^@\s]+)@(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(text);
  if (!match) throw new ValidationError(`expected USER@HOST[:PORT], got ${JSON.stringify(text)}`);
  const [, user = "", host = "", portText] = match;
  return { user, host: host.replace(/^\[|\]$/g, ""), port: portText ? Number(portText) : 22 };
}
