import { z } from "zod";
import { FILES_MAX } from "@/lib/snapshot/schema";

/**
 * The variables CPython documents (`python3.13 --help-env` and the command-line docs up to 3.14): none
 * of them carries a secret, and the analysis reads several. Exact names: a prefix like PYTHON* would
 * also pass PYTHON_DB_PASSWORD.
 */
const PYTHON_VARIABLES = [
  "PYTHONASYNCIODEBUG",
  "PYTHONBREAKPOINT",
  "PYTHONCASEOK",
  "PYTHONCOERCECLOCALE",
  "PYTHONDEBUG",
  "PYTHONDEVMODE",
  "PYTHONDONTWRITEBYTECODE",
  "PYTHONDUMPREFS",
  "PYTHONDUMPREFSFILE",
  "PYTHONEXECUTABLE",
  "PYTHONFAULTHANDLER",
  "PYTHONHASHSEED",
  "PYTHONHOME",
  "PYTHONINSPECT",
  "PYTHONINTMAXSTRDIGITS",
  "PYTHONIOENCODING",
  "PYTHONLEGACYWINDOWSFSENCODING",
  "PYTHONLEGACYWINDOWSSTDIO",
  "PYTHONMALLOC",
  "PYTHONMALLOCSTATS",
  "PYTHONNODEBUGRANGES",
  "PYTHONNOUSERSITE",
  "PYTHONOPTIMIZE",
  "PYTHONPATH",
  "PYTHONPERFSUPPORT",
  "PYTHONPLATLIBDIR",
  "PYTHONPROFILEIMPORTTIME",
  "PYTHONPYCACHEPREFIX",
  "PYTHONSAFEPATH",
  "PYTHONSTARTUP",
  "PYTHONTRACEMALLOC",
  "PYTHONUNBUFFERED",
  "PYTHONUSERBASE",
  "PYTHONUTF8",
  "PYTHONVERBOSE",
  "PYTHONWARNDEFAULTENCODING",
  "PYTHONWARNINGS",
  "PYTHON_BASIC_REPL",
  "PYTHON_COLORS",
  "PYTHON_CPU_COUNT",
  "PYTHON_FROZEN_MODULES",
  "PYTHON_GIL",
  "PYTHON_HISTORY",
  "PYTHON_JIT",
  "PYTHON_PERF_JIT_SUPPORT",
  "PYTHON_PRESITE",
  "PYTHON_DISABLE_REMOTE_DEBUG",
  "PYTHON_THREAD_INHERIT_CONTEXT",
  "PYTHON_CONTEXT_AWARE_WARNINGS",
  "PYTHON_TLBC",
];

/** The locale categories of POSIX and glibc (LC_* by name, for the same reason). */
const LOCALE_VARIABLES = [
  "LC_ALL",
  "LC_ADDRESS",
  "LC_COLLATE",
  "LC_CTYPE",
  "LC_IDENTIFICATION",
  "LC_MEASUREMENT",
  "LC_MESSAGES",
  "LC_MONETARY",
  "LC_NAME",
  "LC_NUMERIC",
  "LC_PAPER",
  "LC_TELEPHONE",
  "LC_TIME",
];

/** Keys whose values may leave the target, exact names only; every other value is redacted there. */
export const ENV_ALLOWLIST = [
  ...PYTHON_VARIABLES,
  "PATH",
  "VIRTUAL_ENV",
  "LANG",
  ...LOCALE_VARIABLES,
  "TZ",
  "HOME",
  "USER",
];

/** What the collector (lib/collector/python) is asked to do. Travels as base64(JSON) in argv, never through a shell word. */
export const collectorSpecSchema = z.object({
  appRoots: z.array(z.string().startsWith("/")).min(1),
  // systemd unit name, e.g. "lernmanager.service"; never one systemctl would read as an option
  service: z
    .string()
    .regex(/^(?!-)/, "must not start with '-'")
    .nullable(),
  unitFile: z.string().nullable(), // explicit unit file when systemd cannot be asked
  /** The unit search path instead of systemd's system directories (systemctl is then not asked): tests. */
  unitDirs: z.array(z.string().startsWith("/")).nullable().optional(),
  python: z.string().nullable(), // the service's interpreter, when the host names it
  /** The user the service runs as, when no unit names it (the host's --user): permissions are judged for it. */
  user: z.string().nullable().optional(),
  /** The host's --entry MODULE[:ATTR] settings, added to the entry points derived from ExecStart. */
  entryPoints: z.array(z.string()).optional(),
  /** A Docker/Podman container on the target as the service (lib/collector/python/38_container.py). */
  container: z
    .object({
      name: z
        .string()
        .min(1)
        .regex(/^(?!-)/, "must not start with '-'"),
      engine: z.enum(["docker", "podman"]).nullable(),
    })
    .nullable()
    .optional(),
  measureStartup: z.boolean(),
  startupCapSeconds: z.number().positive(),
  maxFiles: z.number().int().positive().max(FILES_MAX),
  maxSeconds: z.number().positive(),
  /** Processes a large root's walk may use (lib/collector/python/55_walk_parallel.py); unset: the target's cores. */
  walkWorkers: z.number().int().min(1).max(8).optional(),
  envAllowlist: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an exact variable name")),
});

export type CollectorSpec = z.infer<typeof collectorSpecSchema>;

export const defaultSpec = {
  measureStartup: true,
  startupCapSeconds: 2,
  maxFiles: 300_000,
  maxSeconds: 100,
  envAllowlist: ENV_ALLOWLIST,
} satisfies Partial<CollectorSpec>;
