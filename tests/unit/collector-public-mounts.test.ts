import { expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { callCollector } from "../support/python";

// Which mounts a snapshot keeps (lib/collector/python/42_sandbox.py public_mounts): those its folders live on or
// hold. The rest of the machine's table changes with every login and container, and would make an unchanged host
// a new snapshot at every collection.

const TABLE: Record<string, [string, boolean]> = {
  "/": ["ext4", false],
  "/run/user/1000": ["tmpfs", false],
  "/var/lib/containers/storage/overlay/abc/merged": ["overlay", false],
  "/srv": ["xfs", false],
  "/srv/app/static": ["nfs", true],
  "/var/cache": ["tmpfs", false],
};

function kept(paths: (string | null)[]): string[] {
  const [mounts] = callCollector(collectorProgram(), [["public_mounts", [TABLE, paths]]]) as [
    { mountPoint: string; fsType: string; readOnly: boolean }[],
  ];
  return mounts.map((m) => `${m.mountPoint} ${m.fsType}${m.readOnly ? " ro" : ""}`);
}

test("the mounts above a root or the prefix, and those inside a root, are kept; the others are not", () => {
  expect(kept(["/srv/app", "/usr/lib/python3/dist-packages", "/var/cache/pyc"])).toEqual([
    "/ ext4",
    "/srv xfs",
    "/srv/app/static nfs ro",
    "/var/cache tmpfs",
  ]);
});

test("without a prefix only the roots count", () => {
  expect(kept(["/opt/app", null])).toEqual(["/ ext4"]);
});
