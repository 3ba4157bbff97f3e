import { z } from "zod";

/** Keys whose values may leave the target; every other environment value is redacted there. */
export const ENV_ALLOWLIST = ["PYTHON*", "PATH", "VIRTUAL_ENV", "LANG", "LC_*", "TZ", "HOME", "USER"];

/** What the collector (lib/collector/python) is asked to do. Travels as base64(JSON) in argv, never through a shell word. */
export const collectorSpecSchema = z.object({
  appRoots: z.array(z.string().startsWith("/")).min(1),
  service: z.string().nullable(), // systemd unit name, e.g. "lernmanager.service"
  unitFile: z.string().nullable(), // explicit unit file when systemd cannot be asked
  python: z.string().nullable(), // the service's interpreter, when the host names it
  /** The host's --entry MODULE[:ATTR] settings, added to the entry points derived from ExecStart. */
  entryPoints: z.array(z.string()).optional(),
  measureStartup: z.boolean(),
  startupCapSeconds: z.number().positive(),
  maxFiles: z.number().int().positive(),
  maxSeconds: z.number().positive(),
  envAllowlist: z.array(z.string()),
});

export type CollectorSpec = z.infer<typeof collectorSpecSchema>;

export const defaultSpec = {
  measureStartup: true,
  startupCapSeconds: 2,
  maxFiles: 300_000,
  maxSeconds: 100,
  envAllowlist: ENV_ALLOWLIST,
} satisfies Partial<CollectorSpec>;
