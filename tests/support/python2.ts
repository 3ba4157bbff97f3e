import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { aptMirror } from "./apt-mirror";
import { lock } from "./systemd-box/rootfs";

/**
 * A real CPython 2.7 for the "Python 2 only" fault: Debian bookworm has none, so bullseye's packages are
 * fetched once from the Debian mirror apt is configured with (pinned by SHA-256, from bullseye's Packages index;
 * the pool holds every suite's files), unpacked with
 * dpkg-deb -x into /var/cache/deploylens/python2 (DEPLOYLENS_PYTHON2_CACHE moves it) and kept. The binary
 * finds its standard library relative to itself, so no PYTHONHOME is needed.
 */
export const PYTHON2_VERSION = "2.7.18-8+deb11u1";
const PACKAGES: Record<string, { file: string; sha256: string }[]> = {
  amd64: [
    {
      file: "pool/main/p/python2.7/libpython2.7-minimal_2.7.18-8+deb11u1_amd64.deb",
      sha256: "85833c92314011b89bbead6f9a5a7a360b5ee4f9b95e001225afead4ebf9f7d3",
    },
    {
      file: "pool/main/p/python2.7/python2.7-minimal_2.7.18-8+deb11u1_amd64.deb",
      sha256: "44f0cdc1a343303d31c55fcb3a6402cfe326adf749ec30e375e6e0c0c5f7c1f7",
    },
  ],
};
const CACHE_ROOT = process.env.DEPLOYLENS_PYTHON2_CACHE ?? "/var/cache/deploylens/python2";

export type Python2 = { python: string } | { unavailable: string };

/** The unpacked tree's python2.7, fetched first if needed; `unavailable` only when the mirror cannot be reached. */
export async function ensurePython2(): Promise<Python2> {
  const arch = execFileSync("dpkg", ["--print-architecture"], { encoding: "utf8" }).trim();
  const debs = PACKAGES[arch];
  if (!debs)
    throw new Error(`no pinned python2.7 packages for ${arch}: add its bullseye files to tests/support/python2.ts`);
  const ready = path.join(CACHE_ROOT, `${PYTHON2_VERSION}-${arch}`);
  const python = path.join(ready, "usr", "bin", "python2.7");
  if (fs.existsSync(python)) return { python };
  fs.mkdirSync(CACHE_ROOT, { recursive: true });
  const release = await lock(path.join(CACHE_ROOT, `.lock-${arch}`));
  try {
    if (fs.existsSync(python)) return { python };
    const building = fs.mkdtempSync(path.join(CACHE_ROOT, ".build-"));
    // Other accounts run it too (a test's throwaway SSH user): mkdtemp made it 0700.
    fs.chmodSync(building, 0o755);
    try {
      for (const deb of debs) {
        const mirror = aptMirror();
        if (!mirror) return { unavailable: "apt names no Debian mirror on this machine" };
        const bytes = await download(`${mirror}/${deb.file}`);
        if ("unavailable" in bytes) return bytes;
        const sha256 = createHash("sha256").update(bytes.data).digest("hex");
        if (sha256 !== deb.sha256) throw new Error(`${deb.file}: SHA-256 ${sha256}, expected ${deb.sha256}`);
        const file = path.join(os.tmpdir(), `deploylens-${process.pid}-${path.basename(deb.file)}`);
        fs.writeFileSync(file, bytes.data);
        try {
          execFileSync("dpkg-deb", ["-x", file, building]);
        } finally {
          fs.rmSync(file, { force: true });
        }
      }
      fs.renameSync(building, ready);
    } finally {
      fs.rmSync(building, { recursive: true, force: true });
    }
    return { python };
  } finally {
    release();
  }
}

/** The file, or why the mirror could not be reached (offline); any other failure throws. */
async function download(url: string): Promise<{ data: Buffer } | { unavailable: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    return { unavailable: `cannot reach ${new URL(url).host} (${cause}): offline?` };
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return { data: Buffer.from(await response.arrayBuffer()) };
}
