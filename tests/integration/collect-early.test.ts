import fs from "node:fs";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, expect, test } from "vitest";
import { localHostDatabase } from "../support/local-host-database";
import { tempDir } from "../support/temp-dir";

const database = localHostDatabase("deploylens-early-");

beforeAll(() => database.open());
afterAll(() => database.remove());

const localHost = (name: string) => database.addLocalHost(name);

test("a host read directly from the SQLite file is the row Prisma reads, every column included", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { findHost } = await import("@/lib/db/queries/hosts");
  const { findHostDirectly } = await import("@/lib/db/find-host-directly");
  await createHost({
    name: "direct",
    transport: "ssh",
    appRoots: ["/srv/app", "/srv/other"],
    entryPoints: ["app.main:run"],
    measureStartup: true,
    ssh: { user: "ops", host: "10.0.0.5", port: 2222 },
    auth: { method: "key-file", identityFile: "/home/ops/.ssh/id_ed25519" },
    jump: { user: "bastion", host: "10.0.0.1", port: 22 },
    jumpChain: [{ user: "ops", host: "10.0.1.2", port: 2200, auth: { method: "key-file", identityFile: "/k" } }],
    acceptHostKey: true,
  });
  const viaPrisma = await findHost("direct");
  expect(viaPrisma).not.toBeNull();
  expect(findHostDirectly("direct")).toStrictEqual(viaPrisma);
  expect(findHostDirectly(viaPrisma!.id)).toStrictEqual(viaPrisma);
  expect(findHostDirectly("nobody")).toBeNull();
});

test("a collector started early gives the snapshot a collection started later gives", async () => {
  const { startCollectorEarly, takeEarlyCollector } = await import("@/lib/jobs/early-collector");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const host = await localHost("early");
  await startCollectorEarly("early");
  const asked = Date.now();
  const early = await collectHost(host);
  expect(takeEarlyCollector(host), "taken once").toBeNull();
  const later = await collectHost(host);
  expect(early.ok && later.ok, `${early.message} ${later.message}`).toBe(true);
  const [a, b] = [await getSnapshotOrThrow(early.snapshotId), await getSnapshotOrThrow(later.snapshotId)];
  // Taken when the collector started, before the collection was asked for: the early one was used.
  expect(a.takenAt.getTime()).toBeLessThan(asked);
  expect(a.blobSha256).toBe(b.blobSha256);
  expect([a.sources, a.fresh, a.criticalFindingIds]).toEqual([b.sources, b.fresh, b.criticalFindingIds]);
  expect(early.view?.findings).toEqual(later.view?.findings);
});

test("the time limit runs from the early collector's start, not from when the collection takes it", async () => {
  const { startCollectorEarly } = await import("@/lib/jobs/early-collector");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { createHost } = await import("@/lib/hosts/create-host");
  // A target that never answers: the first python3 on the collector's PATH hangs.
  const bin = tempDir("deploylens-early-hang-");
  fs.writeFileSync(path.join(bin.dir, "python3"), "#!/bin/sh\nexec sleep 60\n", { mode: 0o755 });
  const savedPath = process.env.PATH;
  process.env.PATH = `${bin.dir}:${savedPath}`;
  try {
    const host = await createHost({ name: "hangs", transport: "local", appRoots: ["/srv"], timeoutSeconds: 5 });
    await startCollectorEarly("hangs");
    // As if the rest of the CLI took longer to load than the host's whole limit.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const asked = performance.now();
    const result = await collectHost(host);
    expect(result.code).toBe("timeout");
    // Counted from the early start, the limit is already spent; counted from here, it would take 5 s more.
    expect(performance.now() - asked).toBeLessThan(3_000);
  } finally {
    process.env.PATH = savedPath;
    bin.remove();
  }
});

test("a collector started for a host edited meanwhile is stopped, and the edited host collected", async () => {
  const { startCollectorEarly } = await import("@/lib/jobs/early-collector");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const host = await localHost("edited");
  await startCollectorEarly("edited");
  const result = await collectHost({ ...host, maxFiles: 3 });
  expect(result.ok, result.message ?? "").toBe(true);
  expect((await getSnapshotOrThrow(result.snapshotId)).truncated).toBe(true);
});

test("a started command's output arrives whole when claimed after it ended; another command stops it", async () => {
  const { createLocalTransport } = await import("@/lib/transport/local");
  const { withStartedExec } = await import("@/lib/transport/started-exec");
  // 200,000 lines (1.3 MB) are more than the pipe and the streams buffer: the command can only end if its output
  // was read while unclaimed.
  const marker = tempDir("deploylens-early-ended-");
  const ended = path.join(marker.dir, "ended");
  const lines = `seq 1 200000 && touch '${ended}'`;
  const started = withStartedExec(createLocalTransport(), lines);
  await started.running;
  await expect.poll(() => fs.existsSync(ended), { timeout: 30_000 }).toBe(true);
  const handle = await started.transport.exec(lines, {});
  const [output, result] = await Promise.all([text(handle.stdout), handle.done]);
  marker.remove();
  expect(result.exitCode).toBe(0);
  expect(output).toBe(Array.from({ length: 200_000 }, (_, i) => `${i + 1}\n`).join(""));
  const other = withStartedExec(createLocalTransport(), "sleep 30");
  const echo = await other.transport.exec("echo other", {});
  expect(await text(echo.stdout)).toBe("other\n");
  await other.transport.close();
});
