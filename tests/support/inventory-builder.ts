import {
  FORMAT_VERSION,
  inventorySchema,
  type ExtraPyc,
  type Interpreter,
  type Inventory,
  type Permission,
  type Root,
  type Service,
  type Source,
  type Writability,
} from "@/lib/snapshot/schema";
import type { SnapshotInput } from "@/lib/analysis/types";

/**
 * Builds valid Inventory objects for table-driven tests. Defaults describe a healthy host: a
 * systemd service, CPython 3.11, writable trees. `build()` always runs `inventorySchema.parse`, so the
 * builder cannot drift from the collector contract. Writability is derived with the plain §8 mode
 * check (owner / group / other class, no ACLs); pass `access` to state a sandbox or other cause.
 */

const UIDS: Record<string, number> = {
  root: 0,
  "www-data": 33,
  me: 1000,
  lernmanager: 1001,
  deploy: 1002,
  nobody: 65534,
};
export const uidOf = (name: string): number => UIDS[name] ?? 2000;

export type PermSpec = { owner?: string; group?: string; mode?: number; acl?: boolean };
export type DirSpec = PermSpec & {
  readable?: boolean;
  /** The __pycache__ (or prefix mirror) directory; exists by default when a source in the dir has a pyc. */
  pycache?: PermSpec & { exists?: boolean };
  access?: Partial<Writability>;
};
export type SourceSpec = Partial<Pick<Source, "reason" | "pyc" | "size" | "mtime">> & { pycOwner?: string };

type RootDraft = { root: Root; perm: Required<PermSpec>; dirSpecs: Map<string, DirSpec> };

const T0 = 1_700_000_000;

export function permission(path: string, spec: PermSpec = {}): Permission {
  const owner = spec.owner ?? "root";
  const group = spec.group ?? owner;
  return { path, uid: uidOf(owner), gid: uidOf(group), owner, group, mode: spec.mode ?? 0o755, acl: spec.acl ?? false };
}

/** python-bytecode.md §8 without ACLs: one class per inode, w+x needed; CAP_DAC_OVERRIDE skips the check. */
export function modeAccess(perm: Permission, identity: Service["identity"]): Writability {
  if (identity.dacOverride) return { writable: true, reason: null, cause: "ok" };
  const inGroup = perm.gid === identity.gid || identity.groups.includes(perm.gid);
  const [cls, shift] = perm.uid === identity.uid ? ["owner", 6] : inGroup ? ["group", 3] : ["other", 0];
  const bits = (perm.mode >> (shift as number)) & 0o7;
  if ((bits & 0o3) === 0o3) return { writable: true, reason: null, cause: "ok" };
  const mode = (perm.mode & 0o7777).toString(8).padStart(4, "0");
  const missing = bits & 0o2 ? "no x" : "no w";
  return {
    writable: false,
    reason: `owner ${perm.owner}, mode ${mode}: user ${identity.user} is in class ${cls}, ${missing}`,
    cause: bits & 0o2 ? "no-search" : "no-write",
  };
}

function defaultService(user: string | null, unit: string | null): Service {
  const name = user ?? "root";
  return {
    unit,
    source: unit ? "systemctl" : "none",
    user,
    group: user,
    supplementaryGroups: [],
    dynamicUser: false,
    workingDirectory: null,
    execStart: [],
    environment: {},
    protectSystem: "no",
    protectHome: "no",
    readOnlyPaths: [],
    readWritePaths: [],
    privateTmp: false,
    cacheDirectory: [],
    stateDirectory: [],
    umask: "0022",
    configFiles: unit
      ? [{ path: `/etc/systemd/system/${unit}`, kind: "fragment", exists: true, mtime: T0 - 86_400, optional: false }]
      : [],
    identity: { user: name, uid: uidOf(name), gid: uidOf(name), groups: [uidOf(name)], dacOverride: name === "root" },
    process: null,
  };
}

export const defaultInterpreter = (): Interpreter => ({
  path: "/usr/bin/python3.11",
  origin: "exec-start",
  version: "3.11.7",
  implementation: "cpython",
  cacheTag: "cpython-311",
  magic: "a70d0d0a",
  optimize: 0,
  pycachePrefix: null,
  dontWriteBytecode: false,
  ignoresEnvironment: false,
  checkHashPycs: "default",
  explain: {},
  sitePackages: [],
});

export class InventoryBuilder {
  private service_: Service;
  private interpreter_: Interpreter | null = defaultInterpreter();
  private prefixPerm: Required<PermSpec> & { exists: boolean } = {
    owner: "root",
    group: "root",
    mode: 0o755,
    acl: false,
    exists: true,
  };
  private readonly roots: RootDraft[] = [];
  private readonly rest: Pick<Inventory, "mounts" | "packages"> & {
    truncated: Inventory["truncated"];
    hostname: string;
  };

  constructor(opts: { user?: string | null; unit?: string | null; hostname?: string } = {}) {
    this.service_ = defaultService(
      opts.user === undefined ? "app" : opts.user,
      opts.unit === undefined ? "app.service" : opts.unit,
    );
    this.rest = {
      hostname: opts.hostname ?? "host",
      truncated: null,
      mounts: [{ mountPoint: "/", fsType: "ext4", readOnly: false }],
      packages: [],
    };
  }

  service(patch: Partial<Service>): this {
    this.service_ = { ...this.service_, ...patch };
    return this;
  }

  env(key: string, value: string): this {
    this.service_.environment = { ...this.service_.environment, [key]: value };
    return this;
  }

  /** A running main process; by default it matches the configuration and started after every file changed. */
  process(patch: Partial<NonNullable<Service["process"]>> = {}): this {
    const s = this.service_;
    this.service_.process = {
      pid: 4242,
      startedAt: T0,
      readable: true,
      uid: s.identity.uid,
      gid: s.identity.gid,
      groups: s.identity.groups,
      capEff: "0000000000000000",
      argv: [...s.execStart],
      environment: { ...s.environment },
      ...patch,
    };
    return this;
  }

  interpreter(patch: Partial<Interpreter>): this {
    this.interpreter_ = { ...(this.interpreter_ ?? defaultInterpreter()), ...patch };
    return this;
  }

  noInterpreter(): this {
    this.interpreter_ = null;
    return this;
  }

  /** PYTHONPYCACHEPREFIX in effect (set in Environment=), with the prefix directory's ownership. */
  prefix(path: string, spec: PermSpec & { exists?: boolean } = {}): this {
    this.env("PYTHONPYCACHEPREFIX", path).interpreter({
      pycachePrefix: path,
      explain: { ...this.interpreter_?.explain, pycachePrefix: "PYTHONPYCACHEPREFIX in Environment=" },
    });
    const p = permission(path, spec);
    this.prefixPerm = { owner: p.owner!, group: p.group!, mode: p.mode, acl: p.acl, exists: spec.exists ?? true };
    return this;
  }

  /** Starts a root; dir/source/extra calls apply to the latest root. */
  root(path: string, opts: PermSpec & { kind?: Root["kind"] } = {}): this {
    const p = permission(path, opts);
    const ancestors = path
      .split("/")
      .slice(0, -1)
      .map((_, i, parts) => permission(parts.slice(0, i + 1).join("/") || "/"));
    this.roots.push({
      root: {
        path,
        kind: opts.kind ?? "app",
        exists: true,
        ancestors,
        dirs: [],
        sources: [],
        extraPycs: [],
        skipped: [],
        excluded: [],
      },
      perm: { owner: p.owner!, group: p.group!, mode: p.mode, acl: p.acl },
      dirSpecs: new Map(),
    });
    return this;
  }

  private current(): RootDraft {
    const draft = this.roots.at(-1);
    if (!draft) throw new Error("call root() first");
    return draft;
  }

  dir(rel: string, spec: DirSpec): this {
    this.current().dirSpecs.set(rel, { ...this.current().dirSpecs.get(rel), ...spec });
    return this;
  }

  source(rel: string, status: Source["status"] = "fresh", spec: SourceSpec = {}): this {
    const hasPyc = status === "fresh" || status === "stale";
    this.current().root.sources.push({
      path: rel,
      size: spec.size ?? 100,
      mtime: spec.mtime ?? T0 - 3_600,
      status,
      reason: spec.reason !== undefined ? spec.reason : status === "stale" ? "mtime" : null,
      pyc: spec.pyc !== undefined ? spec.pyc : hasPyc ? "timestamp" : null,
      pycUid: spec.pycOwner ? uidOf(spec.pycOwner) : null,
    });
    return this;
  }

  /** `count` sources named `${dir}/m${i}.py`. */
  sources(count: number, status: Source["status"], dir = "", spec: SourceSpec = {}): this {
    for (let i = 0; i < count; i++) this.source(dir ? `${dir}/m${i}.py` : `m${i}.py`, status, spec);
    return this;
  }

  extra(rel: string, kind: ExtraPyc["kind"], tag: string | null = null, importable = false): this {
    this.current().root.extraPycs.push({ path: rel, kind, tag, importable });
    return this;
  }

  skipped(rel: string, reason: Root["skipped"][number]["reason"]): this {
    this.current().root.skipped.push({ path: rel, reason, detail: null });
    return this;
  }

  mount(mountPoint: string, fsType: string, readOnly = false): this {
    this.rest.mounts.push({ mountPoint, fsType, readOnly });
    return this;
  }

  pkg(name: string, version: string): this {
    this.rest.packages.push({ name, version });
    return this;
  }

  truncate(reason: "max-files" | "max-seconds", limit: number): this {
    this.rest.truncated = { reason, limit };
    return this;
  }

  build(): Inventory {
    const roots = this.roots.map((draft) => this.finishRoot(draft));
    return inventorySchema.parse({
      formatVersion: FORMAT_VERSION,
      ...this.rest,
      service: this.service_,
      interpreter: this.interpreter_,
      roots,
    });
  }

  snapshot(id = "s1", host = this.rest.hostname, measurements: SnapshotInput["measurements"] = null): SnapshotInput {
    return { id, host, takenAt: "2026-11-24T12:00:00.000Z", inventory: this.build(), measurements };
  }

  private finishRoot({ root, perm, dirSpecs }: RootDraft): Root {
    const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
    const withSources = new Map<string, Source[]>();
    for (const s of root.sources) {
      const list = withSources.get(dirOf(s.path));
      if (list) list.push(s);
      else withSources.set(dirOf(s.path), [s]);
    }
    const rels = new Set(["", ...dirSpecs.keys(), ...withSources.keys()]);
    const dirs = [...rels]
      .sort()
      .map((rel) => this.finishDir(root.path, rel, { ...perm, ...dirSpecs.get(rel) }, withSources.get(rel) ?? []));
    const byRel = new Map(dirs.map((d) => [d.path, d]));
    // A pyc belongs to whoever created its cache directory unless the test says otherwise.
    for (const s of root.sources) {
      if (s.pyc && s.pycUid === null) s.pycUid = byRel.get(dirOf(s.path))?.bytecode?.nearest.uid ?? null;
    }
    return { ...root, dirs };
  }

  private finishDir(rootPath: string, rel: string, spec: DirSpec, sources: Source[]): Root["dirs"][number] {
    const abs = rel ? `${rootPath}/${rel}` : rootPath;
    const { path: _p, ...perm } = permission(abs, spec);
    if (sources.length === 0) return { path: rel, perm, readable: spec.readable ?? true, bytecode: null };
    const prefix = this.interpreter_?.pycachePrefix ?? null;
    const hasPyc = sources.some((s) => s.pyc !== null);
    let bytecodePath: string;
    let exists: boolean;
    let nearest: Permission;
    if (prefix) {
      bytecodePath = `${prefix}${abs}`;
      exists = this.prefixPerm.exists;
      // Not created yet: the nearest existing directory is the prefix's parent (e.g. /tmp), described by the spec.
      nearest = permission(exists ? bytecodePath : prefix.slice(0, prefix.lastIndexOf("/")) || "/", this.prefixPerm);
    } else {
      bytecodePath = `${abs}/__pycache__`;
      exists = spec.pycache?.exists ?? (spec.pycache !== undefined || hasPyc);
      nearest = exists ? permission(bytecodePath, { ...spec, ...spec.pycache }) : { path: abs, ...perm };
    }
    const access = { ...modeAccess(nearest, this.service_.identity), ...spec.access };
    return {
      path: rel,
      perm,
      readable: spec.readable ?? true,
      bytecode: { path: bytecodePath, exists, nearest, access },
    };
  }
}
