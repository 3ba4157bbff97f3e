import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { aptMirror } from "../apt-mirror";

/**
 * The Debian tree the box boots: what the collector needs on a VPS (python3, systemctl) plus what the
 * tests use inside (venv, setpriv from util-linux, getfacl from acl, sshd to collect over).
 */
export const BOX_SUITE = "bookworm";
export const BOX_PACKAGES = ["systemd", "systemd-sysv", "dbus", "python3", "python3-venv", "openssh-server", "acl"];
/** Bump when prepare() changes, so cached trees built by the old recipe are not reused. */
const RECIPE = 1;

export const CACHE_ROOT = process.env.DEPLOYLENS_BOX_CACHE ?? "/var/cache/deploylens/systemd-box";

export const rootfsKey = () =>
  createHash("sha256")
    .update(JSON.stringify({ suite: BOX_SUITE, packages: BOX_PACKAGES, recipe: RECIPE }))
    .digest("hex")
    .slice(0, 16);

/** debootstrap, or null when it is not installed. (mmdebstrap was measured here too: no faster on 2 cores.) */
export function bootstrapTool(): "debootstrap" | null {
  return spawnSync("sh", ["-c", "command -v debootstrap"], { stdio: "ignore" }).status === 0 ? "debootstrap" : null;
}

/**
 * The cached tree for this package list, built first if missing. Built in a temp dir and renamed into
 * place, under a lock, so concurrent test files wait for one build and never see a half-made tree.
 */
export async function ensureRootfs(log: (line: string) => void = () => {}): Promise<string> {
  const key = rootfsKey();
  const ready = path.join(CACHE_ROOT, key);
  if (fs.existsSync(ready)) return ready;
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const release = await lock(path.join(CACHE_ROOT, `.lock-${key}`));
  try {
    if (fs.existsSync(ready)) return ready;
    const building = path.join(CACHE_ROOT, `.build-${key}-${process.pid}`);
    fs.rmSync(building, { recursive: true, force: true });
    const started = Date.now();
    try {
      await bootstrap(building);
      prepare(building);
      fs.renameSync(building, ready);
    } catch (err) {
      fs.rmSync(building, { recursive: true, force: true });
      throw err;
    }
    log(`systemd box: built ${ready} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return ready;
  } finally {
    release();
  }
}

/** Asynchronous: a build takes minutes, and a blocked test worker stops answering the test runner. */
function bootstrap(target: string): Promise<void> {
  const tool = bootstrapTool();
  if (!tool) return Promise.reject(new Error("debootstrap is not installed (apt-get install debootstrap)"));
  const include = `--include=${BOX_PACKAGES.join(",")}`;
  return new Promise((resolve, reject) => {
    // Downloaded packages are kept, so a rebuild after a recipe or package change downloads only what is new.
    const debs = path.join(CACHE_ROOT, "debs");
    fs.mkdirSync(debs, { recursive: true });
    // The mirror apt already uses here; without one, debootstrap's own default.
    const mirror = aptMirror();
    const args = ["--variant=minbase", include, `--cache-dir=${debs}`, BOX_SUITE, target, ...(mirror ? [mirror] : [])];
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}):\n${output}`))));
  });
}

/** What makes the tree a quiet test box rather than a machine: no sshd on :22 of the host's network, no gettys. */
function prepare(root: string): void {
  const quiet = ["ssh.service", "ssh.socket", "getty@tty1.service", "console-getty.service"];
  execFileSync("chroot", [root, "systemctl", "mask", ...quiet], { stdio: "ignore" });
  // Each boot gets its own host key (systemd-box/sshd.ts); a key baked into the cache would be shared.
  for (const name of fs.readdirSync(path.join(root, "etc", "ssh"))) {
    if (name.startsWith("ssh_host_")) fs.rmSync(path.join(root, "etc", "ssh", name));
  }
  fs.rmSync(path.join(root, "var", "cache", "apt", "archives"), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, "var", "cache", "apt", "archives", "partial"), { recursive: true });
}

/** A directory lock: mkdir is atomic; a lock whose owner died is taken over. */
export async function lock(dir: string): Promise<() => void> {
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "pid"), String(process.pid));
      return () => fs.rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = Number(readOr(path.join(dir, "pid"), "0"));
    if (owner > 0 && !alive(owner)) fs.rmSync(dir, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${dir} (held by pid ${owner})`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

const readOr = (file: string, fallback: string) => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
