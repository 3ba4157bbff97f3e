import { expect, test } from "vitest";
import { diagnose } from "@/lib/analysis/diagnostics";
import type { Finding } from "@/lib/analysis/types";
import type { Container } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

// A service in a container gets its fixes as Dockerfile lines and run options, with the service's -O level
// and the invalidation mode its image's mtimes call for; a plain host keeps its systemd fixes.

const container = (patch: Partial<Container> = {}): Container => ({
  engine: "podman",
  id: "c0ffee",
  name: "shop-web",
  image: "localhost/shop:1",
  imageId: "aaaa1111",
  tagImageId: "aaaa1111",
  imageDigest: null,
  startedAt: null,
  restartCount: 0,
  restartPolicy: "no",
  user: null,
  workingDir: "/app",
  entrypoint: [],
  cmd: ["python3", "-m", "svc.main"],
  readonlyRootfs: false,
  mounts: [],
  environment: {},
  ...patch,
});

/** An app whose modules cannot be cached: bytecode writing is disabled. */
const disabled = (mtime: number, optimize = 0, c: Container | null = container()) => {
  const b = new InventoryBuilder({ user: "root" })
    .interpreter({ dontWriteBytecode: true, optimize, path: "/usr/bin/python3" })
    .env("PYTHONDONTWRITEBYTECODE", "1")
    .root("/app")
    .sources(3, "missing", "svc", { mtime });
  if (c) b.service({ source: "container", container: c });
  return b.snapshot();
};

const fixOf = (findings: Finding[], id: string) => findings.find((f) => f.id === id)?.fix ?? [];
const codes = (findings: Finding[], id: string) => fixOf(findings, id).map((s) => s.code ?? "");

test.each([
  ["mtimes as built, -O level 0", 1_790_000_000, 0, "RUN /usr/bin/python3 -m compileall -q -j 0 /app"],
  ["-O level 1", 1_790_000_000, 1, "RUN /usr/bin/python3 -O -m compileall -q -j 0 /app"],
  ["-O level 2", 1_790_000_000, 2, "RUN /usr/bin/python3 -OO -m compileall -q -j 0 /app"],
  [
    "mtimes normalised to 1",
    1,
    0,
    "RUN /usr/bin/python3 -m compileall -q -j 0 --invalidation-mode unchecked-hash /app",
  ],
] as const)("%s: the fix is one Dockerfile line", (_label, mtime, optimize, line) => {
  const findings = diagnose(disabled(mtime, optimize));
  expect(codes(findings, "bytecode-writing-disabled")[0]).toBe(line);
  expect(codes(findings, "bytecode-writing-disabled").join("\n")).not.toContain("systemctl");
  expect(
    fixOf(findings, "bytecode-writing-disabled")
      .map((s) => s.text)
      .join(" "),
  ).toContain("ENV PYTHONDONTWRITEBYTECODE=1 only after that step");
});

test("a plain host keeps its systemd fix", () => {
  const findings = diagnose(disabled(1_790_000_000, 0, null));
  expect(codes(findings, "bytecode-writing-disabled").join("\n")).toContain("UnsetEnvironment=PYTHONDONTWRITEBYTECODE");
});

test("an image compiled at build time may keep bytecode writing disabled", () => {
  const snapshot = new InventoryBuilder({ user: "root" })
    .interpreter({ dontWriteBytecode: true })
    .env("PYTHONDONTWRITEBYTECODE", "1")
    .root("/app")
    .sources(3, "fresh", "svc")
    .service({ source: "container", container: container() })
    .snapshot();
  expect(diagnose(snapshot).map((f) => f.id)).not.toContain("bytecode-writing-disabled");
});

test.each([
  ["the tag still names the running image", "sha256:aaaa1111", "aaaa1111", false],
  ["the tag moved", "aaaa1111", "bbbb2222", true],
  ["the tag is unknown", "aaaa1111", null, false],
] as const)("restart-pending when %s: %s", (_label, imageId, tagImageId, fires) => {
  const snapshot = new InventoryBuilder({ user: "root" })
    .root("/app")
    .sources(1, "fresh")
    .service({ source: "container", container: container({ imageId, tagImageId }) })
    .snapshot();
  expect(diagnose(snapshot).some((f) => f.id === "restart-pending")).toBe(fires);
});
