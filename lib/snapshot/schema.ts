import { z } from "zod";

// The contract with the collector (lib/collector/python). Output that does not parse is rejected whole,
// never half-stored. Paths are strings as Python decodes them with surrogateescape, so a
// non-UTF-8 byte arrives as a lone surrogate U+DC80–U+DCFF (see lib/snapshot/display-path.ts).

export const FORMAT_VERSION = 1;
/** Replaces every environment value whose key is not allowlisted; the value never leaves the target. */
export const REDACTED = "[redacted]";

// Bounds, generous but finite: output that exceeds them is not from a collector we know.
/** PATH_MAX. */
const PATH_MAX = 4096;
/** Names, versions, tags, hex words. */
const NAME_MAX = 1024;
/** Reasons, details, explanations and error messages. */
export const MESSAGE_MAX = 64 * 1024;
/** One environment value or command-line word: the kernel's MAX_ARG_STRLEN. */
const ARG_MAX = 128 * 1024;
/** Per-file arrays (sources, pycs, directories) of one root: the largest maxFiles a host may set. */
export const FILES_MAX = 5_000_000;
/** Smaller lists: groups, mounts, packages, argv words, config files, environment entries. */
const LIST_MAX = 100_000;

const path = z.string().max(PATH_MAX);
export const name = z.string().max(NAME_MAX);
export const message = z.string().max(MESSAGE_MAX);
const epochSeconds = z.number();

/** A string record with at most `max` keys (zod records have no .max()). */
const boundedRecord = (value: z.ZodString, max = LIST_MAX) =>
  z.record(name, value).refine((r) => Object.keys(r).length <= max, { message: `more than ${max} entries` });

export const permissionSchema = z.object({
  path,
  uid: z.number().int(),
  gid: z.number().int(),
  owner: name.nullable(),
  group: name.nullable(),
  mode: z.number().int(), // st_mode & 0o7777
  /** Extended attributes that change the plain mode check (POSIX ACL, immutable, append-only). */
  acl: z.boolean().default(false),
});

export const writabilitySchema = z.object({
  /** Could the service user create or replace bytecode here (python-bytecode.md §7–§8)? */
  writable: z.boolean(),
  /** Why not, in one phrase (e.g. "owner root, mode 0755: user app is in class other, no w"); null when writable. */
  reason: message.nullable(),
  /** The kernel rule that decided it, for grouping findings. */
  cause: z.enum([
    "ok",
    "no-search",
    "no-write",
    "read-only-mount",
    "protect-system",
    "protect-home",
    "read-only-paths",
    "dynamic-user",
    "immutable",
    "sticky",
    "missing-parent",
    "unknown",
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
  tag: name.nullable(), // e.g. "cpython-310", "opt-1"
  /** For legacy pycs: would the importer load it (no foo.py beside it)? */
  importable: z.boolean().default(false),
});

export const skippedSchema = z.object({
  path, // relative to the root
  reason: z.enum(["symlink", "unreadable", "loop", "other-filesystem", "limit"]),
  detail: message.nullable(),
});

export const rootSchema = z.object({
  path,
  kind: z.enum(["app", "site-packages"]),
  exists: z.boolean(),
  /** Permissions from "/" down to the root's parent: every one needs x for the service user. */
  ancestors: z.array(permissionSchema).max(PATH_MAX),
  dirs: z.array(directorySchema).max(FILES_MAX),
  sources: z.array(sourceSchema).max(FILES_MAX),
  extraPycs: z.array(extraPycSchema).max(FILES_MAX),
  skipped: z.array(skippedSchema).max(FILES_MAX),
  /** Roots nested inside this one (e.g. a venv in the app) whose files are counted there instead. */
  excluded: z.array(path).max(LIST_MAX),
  /** Why the collector could not walk it at all, e.g. "No such file or directory"; absent when it could. */
  problem: message.optional(),
});

export const environmentSchema = boundedRecord(z.string().max(ARG_MAX));

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
  groups: z.array(z.number().int()).max(LIST_MAX),
  capEff: name.nullable(), // hex as in /proc/PID/status
  argv: z.array(z.string().max(ARG_MAX)).max(LIST_MAX),
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
  unit: name.nullable(),
  /** Where the settings came from. */
  source: z.enum(["systemctl", "unit-file", "none"]),
  user: name.nullable(), // null = root (systemd default)
  group: name.nullable(),
  supplementaryGroups: z.array(name).max(LIST_MAX),
  dynamicUser: z.boolean(),
  workingDirectory: path.nullable(),
  execStart: z.array(z.string().max(ARG_MAX)).max(LIST_MAX), // argv of the first ExecStart=
  environment: environmentSchema, // Environment= then EnvironmentFile=, later wins, redacted
  protectSystem: z.enum(["no", "yes", "full", "strict"]),
  protectHome: z.enum(["no", "yes", "read-only", "tmpfs"]),
  readOnlyPaths: z.array(path).max(LIST_MAX),
  readWritePaths: z.array(path).max(LIST_MAX),
  privateTmp: z.boolean(),
  cacheDirectory: z.array(path).max(LIST_MAX),
  stateDirectory: z.array(path).max(LIST_MAX),
  umask: name.nullable(), // "0022"
  configFiles: z.array(configFileSchema).max(LIST_MAX),
  /** systemctl's NeedDaemonReload: unit files or drop-ins changed since systemd loaded them. Null without systemd. */
  needDaemonReload: z.boolean().nullable().optional(),
  /** The identity the collector checked permissions for. */
  identity: z.object({
    user: name,
    uid: z.number().int(),
    gid: z.number().int(),
    groups: z.array(z.number().int()).max(LIST_MAX),
    /** CAP_DAC_OVERRIDE in effect (root unless a bounding set drops it). */
    dacOverride: z.boolean(),
  }),
  process: processSchema.nullable(),
});

/**
 * Whether the collector ran the service's interpreter. It runs one only when root or the collecting account
 * alone can change it: the file, every symlink hop and every directory on the way from /. Otherwise the
 * facts come from pyvenv.cfg, the file name and a trusted interpreter of the same version (`standIn`).
 */
export const interpreterTrustSchema = z.object({
  trusted: z.boolean(),
  /** The file the path resolves to (symlinks followed). */
  resolvedPath: path,
  /** The first element someone else can change, with its owner and mode; null when trusted. */
  untrustedBy: permissionSchema.extend({ reason: message }).nullable(),
  /** The virtual environment the interpreter belongs to (where its pyvenv.cfg is), if any. */
  venv: path.nullable(),
  /** The trusted interpreter of the same version that answered in its place; null when none did. */
  standIn: path.nullable(),
  /** Where the version came from: the interpreter's own answer, its pyvenv.cfg, its file name, or the stand-in. */
  versionFrom: z.enum(["probe", "pyvenv.cfg", "file-name", "stand-in"]),
});

export const interpreterSchema = z.object({
  path,
  /** How it was chosen: the host's --python, ExecStart's argv[0], a console script's shebang, or python3 on PATH. */
  origin: z.enum(["host-setting", "exec-start", "shebang", "default"]),
  version: name, // "3.11.7"
  implementation: name, // "cpython"
  cacheTag: name.nullable(),
  magic: name, // hex of importlib.util.MAGIC_NUMBER, e.g. "a70d0d0a"
  optimize: z.number().int(),
  pycachePrefix: path.nullable(), // absolute, as the service would resolve it
  dontWriteBytecode: z.boolean(),
  /** -E/-I in the service command line: PYTHON* variables are ignored. */
  ignoresEnvironment: z.boolean(),
  checkHashPycs: z.enum(["default", "always", "never"]),
  /** Why each effective setting is what it is, e.g. {"dontWriteBytecode": "PYTHONDONTWRITEBYTECODE=1 in Environment="}. */
  explain: boundedRecord(message, 1000),
  sitePackages: z.array(path).max(LIST_MAX),
  /**
   * sys.path as the service's interpreter has it at start, without the script's directory (or cwd)
   * and without PYTHONPATH: the stdlib entries, then what `site` adds (venv, user site, the prefixes'
   * site directories, each followed by the directories its .pth files name), in that order.
   */
  sysPath: z.array(path).max(LIST_MAX).optional(),
  /** Absent in snapshots taken before the collector checked its interpreters. */
  trust: interpreterTrustSchema.optional(),
});

export const mountSchema = z.object({
  mountPoint: path,
  fsType: name,
  readOnly: z.boolean(),
});

export const packageSchema = z.object({ name, version: name });

/** One module of the service's startup import closure, judged as the walk judges a source. */
export const startupModuleSchema = z.object({
  name, // dotted module name, e.g. "lernmanager.app"
  path, // absolute
  status: sourceStatusSchema,
  reason: staleReasonSchema.nullable(),
  /** Not fresh, and the service can never write its pyc: compiled at every start, forever. */
  blocked: z.boolean(),
});

/**
 * What the service imports at start (lib/collector/python/58–64): its entry points, the modules of
 * their import closure, and what could not be followed. Deterministic, so it lives in the inventory;
 * the compile-time measurement of the blocked modules stays in the measurements.
 */
export const startupSchema = z.object({
  /** service: from ExecStart; host-setting: the host's --entry; app-roots: neither, top-level modules. */
  origin: z.enum(["service", "host-setting", "service+host-setting", "app-roots"]),
  entryPoints: z.array(message).max(LIST_MAX),
  sysPath: z.array(path).max(LIST_MAX),
  modules: z.array(startupModuleSchema).max(LIST_MAX),
  /** Required names no sys.path entry holds (dynamic or missing imports). */
  unresolved: z.array(name).max(LIST_MAX),
  /** Sources the collector's Python could not parse: their imports are not followed. */
  unparsed: z.array(z.object({ path, error: message })).max(LIST_MAX),
  notes: z.array(message).max(LIST_MAX),
  truncated: z.object({ reason: z.enum(["max-modules", "max-seconds"]), limit: z.number() }).nullable(),
});

/** Everything deterministic about a host: identical targets give byte-identical canonical JSON. */
export const inventorySchema = z.object({
  formatVersion: z.literal(FORMAT_VERSION),
  hostname: name,
  truncated: z.object({ reason: z.enum(["max-files", "max-seconds"]), limit: z.number() }).nullable(),
  service: serviceSchema,
  interpreter: interpreterSchema.nullable(),
  mounts: z.array(mountSchema).max(LIST_MAX),
  roots: z.array(rootSchema).max(LIST_MAX),
  packages: z.array(packageSchema).max(LIST_MAX),
  /** The service's startup import closure; null in snapshots taken before it was collected. */
  startup: startupSchema.nullable().default(null),
});

/** What changes run to run on an unchanged host: kept out of the content-addressed blob. */
export const measurementsSchema = z.object({
  collectorMs: z.number(),
  startup: z.object({ modules: z.number().int(), ms: z.number(), capped: z.boolean() }).nullable(),
});

export type Permission = z.infer<typeof permissionSchema>;
export type Writability = z.infer<typeof writabilitySchema>;
export type Directory = z.infer<typeof directorySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ExtraPyc = z.infer<typeof extraPycSchema>;
export type Root = z.infer<typeof rootSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Interpreter = z.infer<typeof interpreterSchema>;
export type InterpreterTrust = z.infer<typeof interpreterTrustSchema>;
export type Inventory = z.infer<typeof inventorySchema>;
export type StartupModule = z.infer<typeof startupModuleSchema>;
export type Startup = z.infer<typeof startupSchema>;
export type Measurements = z.infer<typeof measurementsSchema>;
