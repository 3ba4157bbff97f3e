import { z } from "zod";
import { containerSchema } from "./container-schema";
import {
  ARG_MAX,
  environmentSchema,
  epochSeconds,
  FILES_MAX,
  LIST_MAX,
  PATH_MAX,
  message,
  name,
  path,
  pycKindSchema,
  sourceStatusSchema,
  staleReasonSchema,
} from "./schema-bounds";
import { interpreterSchema, interpreterTrustSchema } from "./interpreter-schema";
import { permissionSchema } from "./permission-schema";
import { serverSchema } from "./server-schema";
import { startupModuleSchema, startupSchema } from "./startup-schema";

export {
  containerSchema,
  environmentSchema,
  interpreterSchema,
  interpreterTrustSchema,
  permissionSchema,
  serverSchema,
  startupModuleSchema,
  startupSchema,
};
export { pycKindSchema, sourceStatusSchema, staleReasonSchema } from "./schema-bounds";
export { FILES_MAX, MESSAGE_MAX, message, name } from "./schema-bounds";

// The contract with the collector (lib/collector/python). Output that does not parse is rejected whole,
// never half-stored. Paths are strings as Python decodes them with surrogateescape, so a
// non-UTF-8 byte arrives as a lone surrogate U+DC80–U+DCFF (see lib/snapshot/display-path.ts).

export const FORMAT_VERSION = 1;
/** Replaces every environment value whose key is not allowlisted; the value never leaves the target. */
export const REDACTED = "[redacted]";

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
  source: z.enum(["systemctl", "unit-file", "container", "none"]),
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
  /**
   * systemd is PID 1 on the target (/run/systemd/system exists). False: the unit file was only read, the
   * process is started some other way, so fixes are written for that way, not as systemctl commands.
   * Absent in older snapshots and when no unit was found.
   */
  systemdRunning: z.boolean().optional(),
  /** The identity the collector checked permissions for. */
  identity: z.object({
    user: name,
    uid: z.number().int(),
    gid: z.number().int(),
    groups: z.array(z.number().int()).max(LIST_MAX),
    /** CAP_DAC_OVERRIDE in effect (root unless a bounding set drops it). */
    dacOverride: z.boolean(),
    /**
     * Who named this user: the unit, the host's --user (no unit), or nobody (the collecting user stands in,
     * so blocked counts are for it). Absent in older snapshots: the unit, unless service.source is "none".
     */
    source: z.enum(["unit", "host-setting", "collecting-user"]).optional(),
  }),
  process: processSchema.nullable(),
  /** The container the service runs in, from `<engine> inspect` (absent for a plain host). */
  container: containerSchema.optional(),
});

export const mountSchema = z.object({
  mountPoint: path,
  fsType: name,
  readOnly: z.boolean(),
});

export const packageSchema = z.object({ name, version: name });

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
  /** The service's server settings; null when its command is no server DeployLens knows (or older snapshots). */
  server: serverSchema.nullable().default(null),
});

/** What changes run to run on an unchanged host: kept out of the content-addressed blob. */
export const measurementsSchema = z.object({
  collectorMs: z.number(),
  /**
   * What the collection cost the target (lib/collector/python/90_main.py): CPU of the collector and every process
   * it started, and the peak resident memory of the largest of them. Absent in older snapshots.
   */
  target: z
    .object({ cpuMs: z.number().nonnegative(), peakBytes: z.number().int().nonnegative() })
    .nullable()
    .optional(),
  startup: z
    .object({
      modules: z.number().int(),
      ms: z.number(),
      capped: z.boolean(),
      /** Fastest and slowest of the passes over the same modules (absent in older snapshots: ms alone). */
      lowMs: z.number().optional(),
      highMs: z.number().optional(),
    })
    .nullable(),
  /** How often the service starts (lib/collector/python/67_service_starts.py); absent without a systemd unit. */
  starts: z
    .object({
      nRestarts: z.number().int().nullable(),
      execMainStartTimestamp: epochSeconds.nullable(),
      activeEnterTimestamp: epochSeconds.nullable(),
      /** The unit's "Started" events and access-log lines over `days`; null when the journal is not readable. */
      journal: z.object({ days: z.number().int(), starts: z.number().int(), requests: z.number().int() }).nullable(),
      notes: z.array(message).max(LIST_MAX),
    })
    .nullable()
    .optional(),
});

export type Permission = z.infer<typeof permissionSchema>;
export type Writability = z.infer<typeof writabilitySchema>;
export type Directory = z.infer<typeof directorySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ExtraPyc = z.infer<typeof extraPycSchema>;
export type Root = z.infer<typeof rootSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type Container = z.infer<typeof containerSchema>;
export type Interpreter = z.infer<typeof interpreterSchema>;
export type InterpreterTrust = z.infer<typeof interpreterTrustSchema>;
export type Inventory = z.infer<typeof inventorySchema>;
export type StartupModule = z.infer<typeof startupModuleSchema>;
export type Startup = z.infer<typeof startupSchema>;
export type Measurements = z.infer<typeof measurementsSchema>;
export type Server = z.infer<typeof serverSchema>;
