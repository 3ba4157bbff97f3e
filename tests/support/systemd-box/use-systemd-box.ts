import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { BOX_TEST_TIMEOUT, startSystemdBox, systemdBoxSkipReason, type SystemdBox } from "../systemd-box";
import { tempDir } from "../temp-dir";

export type SystemdBoxSuite = {
  /** The booted box; usable inside tests and hooks (before boot, or when skipped, any use throws). */
  box: SystemdBox;
  /** A fresh SQLite file for this suite's CLI runs, removed with the temp dir. */
  databaseFile: string;
  /** Why the box cannot run here (the suite is skipped), or null. */
  skip: string | null;
  /** `describe`, skipped with the reason in its title when the box cannot run, with the box tests' timeout. */
  describe(title: string, body: () => void): void;
};

/**
 * One file's systemd box: boots it before the file's tests (with an unprivileged `appuser` account when
 * `appUser`), gives it a temporary database, and always stops it and removes the temp dir afterwards.
 */
export function useSystemdBox(name: string, options: { appUser?: boolean } = {}): SystemdBoxSuite {
  const skip = systemdBoxSkipReason();
  const temp = tempDir(`deploylens-systemd-${name}-`);
  let booted: SystemdBox | undefined;
  beforeAll(async () => {
    if (skip) return;
    booted = await startSystemdBox();
    if (options.appUser) {
      await booted.sh(
        "id appuser >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin appuser",
      );
    }
  }, 20 * 60_000);
  afterAll(async () => {
    await booted?.stop();
    temp.remove();
  });
  // A stand-in that forwards to the booted box, so test code can hold `box` from the start.
  const box = new Proxy({} as SystemdBox, {
    get(_, key) {
      if (!booted) throw new Error(`the systemd box of ${name} is not booted${skip ? ` (${skip})` : ""}`);
      const value = Reflect.get(booted, key) as unknown;
      return typeof value === "function" ? value.bind(booted) : value;
    },
  });
  return {
    box,
    databaseFile: path.join(temp.dir, `${name}.db`),
    skip,
    describe: (title, body) =>
      describe.skipIf(!!skip)(`${title}${skip ? ` (skipped: ${skip})` : ""}`, { timeout: BOX_TEST_TIMEOUT }, body),
  };
}
