import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onProcessExit } from "./sshd/exit-cleanup";
import { bootContainer, execIn, type Booted, type ExecResult } from "./systemd-box/boot";
import { bootstrapTool, ensureRootfs } from "./systemd-box/rootfs";
import { startBoxSshd, type BoxSsh } from "./systemd-box/sshd";

/**
 * A real systemd to test the production path against: a cached Debian tree (systemd-box/rootfs.ts)
 * booted with systemd-nspawn, with an sshd inside on the host's loopback. Tests write units and
 * drop-ins, run commands inside with nsenter, and collect over SSH exactly as from a VPS.
 */
export type SystemdBox = {
  ssh: BoxSsh;
  /** Runs argv inside the box as root; never throws (see sh() for the throwing form). */
  exec(argv: string[], input?: string): Promise<ExecResult>;
  /** `sh -c script` inside the box; returns stdout, throws with stderr on a non-zero exit. */
  sh(script: string, input?: string): Promise<string>;
  writeFile(file: string, content: string, mode?: string): Promise<void>;
  /** Several files in one nsenter call (each call costs a process start). */
  writeFiles(files: { path: string; content: string; mode?: string }[]): Promise<void>;
  readFile(file: string): Promise<string>;
  /** /etc/systemd/system/NAME (or under `dir`). */
  writeUnit(name: string, text: string, dir?: string): Promise<void>;
  /** DIR/UNIT.d/NAME, as `systemctl edit` would write it into /etc/systemd/system. */
  writeDropIn(unit: string, name: string, text: string, dir?: string): Promise<void>;
  daemonReload(): Promise<void>;
  restart(unit: string): Promise<void>;
  /** `systemctl show UNIT -p …` as a map. */
  show(unit: string, props: string[]): Promise<Record<string, string>>;
  logs(): string;
  stop(): Promise<void>;
};

/** Per test: a few CLI runs (each a Node start) and service restarts; on a loaded 2-core machine that is a minute. */
export const BOX_TEST_TIMEOUT = 300_000;

/**
 * Why the box cannot run here, or null. In CI (root, packages installed by .ci/run) a reason is an
 * error rather than a skip, so the real-systemd tests can never silently not run there.
 */
export function systemdBoxSkipReason(): string | null {
  const reason =
    process.getuid?.() !== 0
      ? "needs root: systemd-nspawn boots a container and nsenter enters it"
      : spawnSync("sh", ["-c", "command -v systemd-nspawn"], { stdio: "ignore" }).status !== 0
        ? "systemd-nspawn is not installed (apt-get install systemd-container)"
        : bootstrapTool() === null
          ? "debootstrap is not installed (apt-get install debootstrap)"
          : null;
  if (reason && process.env.CI && process.getuid?.() === 0) {
    throw new Error(`the systemd box must run in CI: ${reason}`);
  }
  return reason;
}

/** Builds the tree if needed (minutes, once per machine), boots it and starts sshd (seconds). */
export async function startSystemdBox(): Promise<SystemdBox> {
  const root = await ensureRootfs((line) => console.log(line));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-box-"));
  const unregister = onProcessExit(() => fs.rmSync(dir, { recursive: true, force: true }));
  let booted: Booted | undefined;
  try {
    booted = await bootContainer(root);
    const ssh = await startBoxSshd(booted.leader, dir);
    return handle(booted, ssh, () => {
      unregister();
      fs.rmSync(dir, { recursive: true, force: true });
    });
  } catch (err) {
    await booted?.stop();
    unregister();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function handle(booted: Booted, ssh: BoxSsh, cleanup: () => void): SystemdBox {
  const exec = (argv: string[], input?: string) => execIn(booted.leader, argv, input);
  const sh = async (script: string, input?: string) => {
    const r = await exec(["sh", "-c", script], input);
    if (r.code !== 0) throw new Error(`in the box: ${script}\nexit ${r.code}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  };
  const writeFile = async (file: string, content: string, mode = "644") => {
    const script = 'mkdir -p "$(dirname "$1")" && cat > "$1" && chmod "$2" "$1"';
    const r = await exec(["sh", "-c", script, "sh", file, mode], content);
    if (r.code !== 0) throw new Error(`writing ${file} in the box: ${r.stderr}`);
  };
  const writeFiles = async (files: { path: string; content: string; mode?: string }[]) => {
    const script = [
      "import json, os, sys",
      "for f in json.load(sys.stdin):",
      "    os.makedirs(os.path.dirname(f['path']), exist_ok=True)",
      "    with open(f['path'], 'w') as out: out.write(f['content'])",
      "    os.chmod(f['path'], int(f.get('mode') or '644', 8))",
    ].join("\n");
    const r = await exec(["python3", "-c", script], JSON.stringify(files));
    if (r.code !== 0) throw new Error(`writing files in the box: ${r.stderr}`);
  };
  const systemctl = async (...args: string[]) => {
    const r = await exec(["systemctl", ...args]);
    if (r.code !== 0) {
      const status = await exec(["systemctl", "status", "--no-pager", "-l", ...args.slice(1)]);
      throw new Error(`systemctl ${args.join(" ")} failed: ${r.stderr}\n${status.stdout}`);
    }
    return r.stdout;
  };
  return {
    ssh,
    exec,
    sh,
    writeFile,
    writeFiles,
    readFile: async (file) => {
      const r = await exec(["cat", file]);
      if (r.code !== 0) throw new Error(`reading ${file} in the box: ${r.stderr}`);
      return r.stdout;
    },
    writeUnit: (name, text, dir = "/etc/systemd/system") => writeFile(path.posix.join(dir, name), text),
    writeDropIn: (unit, name, text, dir = "/etc/systemd/system") =>
      writeFile(path.posix.join(dir, `${unit}.d`, name), text),
    daemonReload: async () => void (await systemctl("daemon-reload")),
    restart: async (unit) => void (await systemctl("restart", unit)),
    show: async (unit, props) => {
      const out = await systemctl("show", unit, "--no-pager", ...props.flatMap((p) => ["-p", p]));
      const pairs = out.split("\n").filter((l) => l.includes("="));
      return Object.fromEntries(pairs.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    },
    logs: booted.logs,
    stop: async () => {
      await booted.stop();
      cleanup();
    },
  };
}
