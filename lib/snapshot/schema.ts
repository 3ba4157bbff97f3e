import { z } from "zod";

// The contract with lib/collector/collect.py. Output that does not parse is rejected whole,
// never half-stored. Paths are strings as Python decodes them with surrogateescape, so a
// non-UTF-8 byte arrives as a lone surrogate U+DC80–U+DCFF (see lib/snapshot/display-path.ts).

export const FORMAT_VERSION = 1;
/** Replaces every environment value whose key is not allowlisted; the value never leaves the target. */
export const REDACTED = "[redacted]";

const path = z.string().max(4096);
const epochSeconds = z.number();

export const permissionSchema = z.object({
  path,
  uid: z.number().int(),
  gid: z.number().int(),
  owner: z.string().nullable(),
  group: z.string().nullable(),
  mode: z.number().int(), // st_mode & 0o7777
  /** Extended attributes that change the plain mode check (POSIX ACL, immutable, append-only). */
  acl: z.boolean().default(false),
});

export const writabilitySchema = z.object({
  /** Could the service user create or replace bytecode here (PYC.md §7–§8)? */
  writable: z.boolean(),
  /** Why not, in one phrase (e.g. "owner root, mode 0755: user app is in class other, no w"); null when writable. */
  reason: z.string().nullable(),
  /** The kernel rule that decided it, for grouping findings. */
  cause: z.enum([
    "ok", "no-search", "no-write", "read-only-mount", "protect-system", "protect-home",
    "read-only-paths", "dynamic-user", "immutable", "sticky", "missing-parent", "unknown",
  ]),
});

export const bytecodeDirSchema = z.object({
  /** Absolute directory where the service's interpreter reads/writes this directory's pycs. */
  path,
  exists: z.boolean(),
  /** Nearest existing directory (itself when it exists) — the one that must allow mkdir. */
  nearest: permissionSchema,
  access: writabilitySchema,
});

export const directorySchema = z.object({
  /** Relative to the root; "" is the root itself. */
  path,
  perm: permissionSchema.omit({ path: true }),
  /** The service user can list it (r+x); when false, the importer cannot find its modules. */
  readable: z.boolean(),
  bytecode: bytecodeDirSchema.nullable(), // null when the directory holds no sources
});

export const pycKindSchema = z.enum(["timestamp", "checked-hash", "unchecked-hash"]);
export const staleReasonSchema = z.enum(["magic", "flags", "mtime", "size", "hash", "truncated", "unreadable-pyc"]);
export const sourceStatusSchema = z.enum(["fresh", "stale", "missing", "unreadable"]);

export const sourceSchema = z.object({
  path, // relative to the root
  size: z.number().int(),
  mtime: epochSeconds,
  status: sourceStatusSchema,
  /** Why a stale pyc would be rejected (or, for unchecked-hash, why it would run old code). */
  reason: staleReasonSchema.nullable(),
  pyc: pycKindSchema.nullable(),
  /** Owner of the pyc when it exists (for "root-owned pyc" evidence). */
  pycUid: z.number().int().nullable(),
});

export const extraPycSchema = z.object({
  path, // relative to the root
  /** foreign-tag: other interpreter; other-opt: other -O level; orphan: no source;
   *  legacy: `foo.pyc` beside the source dir (sourceless import when foo.py is absent). */
  kind: z.enum(["foreign-tag", "other-opt", "orphan", "legacy"]),
  tag: z.string().nullable(), // e.g. "cpython-310", "opt-1"
  /** For legacy pycs: would the importer load it (no foo.py beside it)? */
  importable: z.boolean().default(false),
});

export const skippedSchema = z.object({
  path, // relative to the root
  reason: z.enum(["symlink", "unreadable", "loop", "other-filesystem", "limit"]),
  detail: z.string().nullable(),
});

export const rootSchema = z.object({
  path,
  kind: z.enum(["app", "site-packages"]),
  exists: z.boolean(),
  /** Permissions from "/" down to the root's parent: every one needs x for the service user. */
  ancestors: z.array(permissionSchema),
  dirs: z.array(directorySchema),
  sources: z.array(sourceSchema),
  extraPycs: z.array(extraPycSchema),
  skipped: z.array(skippedSchema),
  /** Roots nested inside this one (e.g. a venv in the app) whose files are counted there instead. */
  excluded: z.array(path),
});

export const environmentSchema = z.record(z.string(), z.string());

export const processSchema = z.object({
  pid: z.number().int(),
  startedAt: epochSeconds.nullable(),
  /**
   * Where startedAt comes from: systemd's ExecMainStartTimestampMonotonic (microseconds), or /proc/PID/stat
   * plus the boot time, which /proc/stat gives in whole seconds (the true start may be up to 1 s later).
   * Absent in older snapshots: treat as "proc-stat".
   */
  startedAtSource: z.enum(["systemd", "proc-stat"]).optional(),
  readable: z.boolean(), // /proc/PID/environ and cmdline readable by the collector
  uid: z.number().int().nullable(),
  gid: z.number().int().nullable(),
  groups: z.array(z.number().int()),
  capEff: z.string().nullable(), // hex as in /proc/PID/status
  argv: z.array(z.string()),
  environment: environmentSchema.nullable(),
});

export const configFileSchema = z.object({
  path,
  kind: z.enum(["fragment", "drop-in", "environment-file"]),
  exists: z.boolean(),
  mtime: epochSeconds.nullable(),
  optional: z.boolean().default(false),
  /** false: a drop-in on disk that systemd has not loaded (no daemon-reload since it appeared). */
  loaded: z.boolean().optional(),
});

export const serviceSchema = z.object({
  unit: z.string().nullable(),
  /** Where the settings came from. */
  source: z.enum(["systemctl", "unit-file", "none"]),
  user: z.string().nullable(), // null = root (systemd default)
  group: z.string().nullable(),
  supplementaryGroups: z.array(z.string()),
  dynamicUser: z.boolean(),
  workingDirectory: z.string().nullable(),
  execStart: z.array(z.string()), // argv of the first ExecStart=
  environment: environmentSchema, // Environment= then EnvironmentFile=, later wins, redacted
  protectSystem: z.enum(["no", "yes", "full", "strict"]),
  protectHome: z.enum(["no", "yes", "read-only", "tmpfs"]),
  readOnlyPaths: z.array(z.string()),
  readWritePaths: z.array(z.string()),
  privateTmp: z.boolean(),
  cacheDirectory: z.array(z.string()),
  stateDirectory: z.array(z.string()),
  umask: z.string().nullable(), // "0022"
  configFiles: z.array(configFileSchema),
  /** systemctl's NeedDaemonReload: unit files or drop-ins changed since systemd loaded them. Null without systemd. */
  needDaemonReload: z.boolean().nullable().optional(),
  /** The identity the collector checked permissions for. */
  identity: z.object({
    user: z.string(),
    uid: z.number().int(),
    gid: z.number().int(),
    groups: z.array(z.number().int()),
    /** CAP_DAC_OVERRIDE in effect (root unless a bounding set drops it). */
    dacOverride: z.boolean(),
  }),
  process: processSchema.nullable(),
});

export const interpreterSchema = z.object({
  path,
  /** How it was chosen: the host's --python, ExecStart's argv[0], a console script's shebang, or python3 on PATH. */
  origin: z.enum(["host-setting", "exec-start", "shebang", "default"]),
  version: z.string(), // "3.11.7"
  implementation: z.string(), // "cpython"
  cacheTag: z.string().nullable(),
  magic: z.string(), // hex of importlib.util.MAGIC_NUMBER, e.g. "a70d0d0a"
  optimize: z.number().int(),
  pycachePrefix: z.string().nullable(), // absolute, as the service would resolve it
  dontWriteBytecode: z.boolean(),
  /** -E/-I in the service command line: PYTHON* variables are ignored. */
  ignoresEnvironment: z.boolean(),
  checkHashPycs: z.enum(["default", "always", "never"]),
  /** Why each effective setting is what it is, e.g. {"dontWriteBytecode": "PYTHONDONTWRITEBYTECODE=1 in Environment="}. */
  explain: z.record(z.string(), z.string()),
  sitePackages: z.array(path),
});

export const mountSchema = z.object({
  mountPoint: path,
  fsType: z.string(),
  readOnly: z.boolean(),
});

export const packageSchema = z.object({ name: z.string(), version: z.string() });

/** Everything deterministic about a host: identical targets give byte-identical canonical JSON. */
export const inventorySchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  hostname: z.string(),
  truncated: z.object({ reason: z.enum(["max-files", "max-seconds"]), limit: z.number() }).nullable(),
  service: serviceSchema,
  interpreter: interpreterSchema.nullable(),
  mounts: z.array(mountSchema),
  roots: z.array(rootSchema),
  packages: z.array(packageSchema),
});

/** What changes run to run on an unchanged host: kept out of the content-addressed blob. */
export const measurementsSchema = z.object({
  collectorMs: z.number(),
  startup: z
    .object({ modules: z.number().int(), ms: z.number(), capped: z.boolean() })
    .nullable(),
});

export const progressEventSchema = z.object({
  type: z.literal("progress"),
  phase: z.string(),
  dirs: z.number().int(),
  files: z.number().int(),
});
export const resultEventSchema = z.object({
  type: z.literal("result"),
  inventory: inventorySchema,
  measurements: measurementsSchema,
});
export const errorEventSchema = z.object({
  type: z.literal("error"),
  code: z.string(),
  message: z.string(),
});
export const collectorEventSchema = z.discriminatedUnion("type", [
  progressEventSchema,
  resultEventSchema,
  errorEventSchema,
]);

export type Permission = z.infer<typeof permissionSchema>;
export type Writability = z.infer<typeof writabilitySchema>;
export type Directory = z.infer<typeof directorySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ExtraPyc = z.infer<typeof extraPycSchema>;
export type Root = z.infer<typeof rootSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Interpreter = z.infer<typeof interpreterSchema>;
export type Inventory = z.infer<typeof inventorySchema>;
export type Measurements = z.infer<typeof measurementsSchema>;
export type CollectorEvent = z.infer<typeof collectorEventSchema>;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
