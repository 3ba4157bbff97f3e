import { z } from "zod";
import { permissionSchema } from "./permission-schema";
import { boundedRecord, LIST_MAX, message, name, path } from "./schema-bounds";

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
