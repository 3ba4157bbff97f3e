import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ensureRootfs, rootfsKey } from "./systemd-box/rootfs";

/**
 * Real Podman containers for the container-target tests. No registry: the base image is the systemd box's
 * cached Debian tree (it has python3) imported with `podman import`, and app images are built FROM it.
 * crun refuses this machine's cgroup layout, so runc with cgroupfs, and explicit ulimits.
 */
const run = promisify(execFile);
const ENGINE = ["--runtime", "runc", "--cgroup-manager=cgroupfs"];
const LIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"];

/** Can the tests use Podman here? It needs root (rootful storage) and the podman and runc binaries. */
export function podmanUsable(): boolean {
  const onPath = (name: string) =>
    (process.env.PATH ?? "").split(":").some((dir) => dir && fs.existsSync(path.join(dir, name)));
  return process.getuid?.() === 0 && onPath("podman") && onPath("runc");
}

export async function podman(args: string[], stdin?: NodeJS.ReadableStream): Promise<string> {
  if (!stdin) return (await run("podman", [...ENGINE, ...args], { maxBuffer: 64 << 20 })).stdout;
  return new Promise((resolve, reject) => {
    const child = spawn("podman", [...ENGINE, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    stdin.pipe(child.stdin);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`podman ${args[0]}: ${err}`))));
  });
}

/** localhost/deploylens-base:<tree key>, imported once from the cached Debian tree. */
export async function ensureBaseImage(): Promise<string> {
  const image = `localhost/deploylens-base:${rootfsKey()}`;
  const known = await podman(["image", "exists", image]).then(
    () => true,
    () => false,
  );
  if (known) return image;
  const tree = await ensureRootfs();
  const tar = spawn("tar", ["-C", tree, "-c", "."], { stdio: ["ignore", "pipe", "inherit"] });
  await podman(["import", "-", image], tar.stdout);
  return image;
}

/** Builds `tag` from a Containerfile text and files (relative path → content) in a temp context. */
export async function buildImage(tag: string, containerfile: string, files: Record<string, string>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dl-build-"));
  try {
    fs.writeFileSync(path.join(dir, "Containerfile"), containerfile);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    await podman(["build", "--pull=never", "-q", "-t", tag, "-f", path.join(dir, "Containerfile"), dir]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a detached container (replacing one of that name); `options` are `podman run` options. */
export async function startContainer(
  name: string,
  image: string,
  options: string[] = [],
  command: string[] = [],
): Promise<void> {
  await removeContainer(name);
  await podman(["run", "-d", "--name", name, ...LIMITS, ...options, image, ...command]);
}

export async function removeContainer(name: string): Promise<void> {
  await podman(["rm", "-f", "-t", "0", "--ignore", "--", name]).catch(() => undefined);
}

/** The interpreter's own `-v` log of one start of `python3 -c "import MODULE"` in a fresh container of the image. */
export async function importLog(image: string, module: string, options: string[] = []): Promise<string> {
  const args = ["run", "--rm", ...LIMITS, ...options, image, "python3", "-v", "-c", `import ${module}`];
  try {
    const { stderr } = await run("podman", [...ENGINE, ...args], { maxBuffer: 64 << 20 });
    return stderr;
  } catch (error) {
    throw new Error(`podman run ${image}: ${String((error as { stderr?: string }).stderr ?? error)}`);
  }
}
