import { describe, expect, test } from "vitest";
import { findingOf, healthy, idsOf } from "./helpers";

// The process was started at T0 (builder default). The drop-in times below sit around it.
const T0 = 1_700_000_000;
type ConfigFile = {
  path: string;
  kind: "fragment" | "drop-in" | "environment-file";
  exists: boolean;
  mtime: number;
  optional: boolean;
};
const file = (path: string, kind: ConfigFile["kind"], mtime: number): ConfigFile => ({
  path,
  kind,
  exists: true,
  mtime,
  optional: false,
});
const dropIn = (mtime: number) => file("/etc/systemd/system/app.service.d/override.conf", "drop-in", mtime);
const envFile = (mtime: number) => file("/etc/app.env", "environment-file", mtime);
const fragment = file("/etc/systemd/system/app.service", "fragment", T0 - 86_400);
const withFiles = (source: "systemd" | "proc-stat" | undefined, files: ConfigFile[], extra: object = {}) =>
  healthy()
    .process({ startedAtSource: source })
    .service({ configFiles: [fragment, ...files], ...extra })
    .snapshot();
const pending = (s: ReturnType<typeof withFiles>) => idsOf(s).includes("restart-pending");

describe("restart-pending: when the process started, and how exactly that is known", () => {
  test("systemd's microsecond start: a drop-in written 0.2 s before the restart is no change", () => {
    expect(pending(withFiles("systemd", [dropIn(T0 - 0.2)]))).toBe(false);
  });

  test("systemd's start: a drop-in written 0.3 s after the start is pending", () => {
    const finding = findingOf(withFiles("systemd", [dropIn(T0 + 0.3)]), "restart-pending");
    expect(finding?.severity).toBe("warning");
    expect(finding!.evidence.map((e) => e.value).join("\n")).toContain("ExecMainStartTimestamp");
  });

  test("systemd's start: a changed EnvironmentFile is pending (NeedDaemonReload does not see it)", () => {
    const finding = findingOf(withFiles("systemd", [envFile(T0 + 5)], { needDaemonReload: false }), "restart-pending");
    expect(finding?.severity).toBe("warning");
    expect(finding!.evidence.map((e) => e.label)).toContain("environment-file changed after start");
  });

  test("NeedDaemonReload=yes alone is a pending change", () => {
    const finding = findingOf(withFiles("systemd", [], { needDaemonReload: true }), "restart-pending");
    expect(finding?.severity).toBe("warning");
    expect(finding!.evidence.map((e) => e.label)).toContain("NeedDaemonReload");
  });

  test("/proc start time (whole-second boot time): a file within the next second is not counted; evidence says so", () => {
    for (const source of ["proc-stat", undefined] as const) {
      expect(pending(withFiles(source, [dropIn(T0 + 0.6)]))).toBe(false);
    }
    const late = findingOf(withFiles("proc-stat", [dropIn(T0 + 2)]), "restart-pending");
    expect(late?.severity).toBe("warning");
    expect(late!.evidence[0]!.value).toContain("1-second granularity");
  });
});
