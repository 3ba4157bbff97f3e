import { expect, test } from "vitest";
import { isDatabaseBusy, waitWhileBusy } from "@/lib/db/database-busy";

const libsqlBusy = Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY", rawCode: 5 });
const adapterBusy = { name: "DriverAdapterError", cause: { kind: "SocketTimeout", originalCode: "5" } };
// What the Prisma client throws once its adapter gave up (P1008 with the adapter's error in meta).
const prismaBusy = { code: "P1008", meta: { driverAdapterError: adapterBusy } };
const snapshotBusy = {
  code: "P1008",
  meta: { driverAdapterError: { cause: { kind: "SocketTimeout", originalCode: "517" } } },
};

test.each([
  ["libSQL's own error", libsqlBusy, true],
  ["Prisma's adapter error", adapterBusy, true],
  ["the Prisma client's P1008 wrapping it", prismaBusy, true],
  ["SQLITE_BUSY_SNAPSHOT (517)", snapshotBusy, true],
  ["a unique constraint (P2002)", { code: "P2002", meta: { target: ["name"] } }, false],
  ["a socket timeout that is no SQLite error", { cause: { kind: "SocketTimeout" } }, false],
  ["SQLITE_LOCKED (6)", { code: "SQLITE_LOCKED", rawCode: 6 }, false],
  ["not an object", "database is locked", false],
])("isDatabaseBusy: %s", (_name, error, busy) => {
  expect(isDatabaseBusy(error)).toBe(busy);
});

test("waitWhileBusy retries a busy call until it succeeds", async () => {
  let calls = 0;
  const result = await waitWhileBusy(async () => {
    calls += 1;
    if (calls < 4) throw libsqlBusy;
    return "stored";
  }, 5_000);
  expect([result, calls]).toEqual(["stored", 4]);
});

test("waitWhileBusy gives up with the busy error once its wait is spent, and never retries other errors", async () => {
  let calls = 0;
  await expect(
    waitWhileBusy(async () => {
      calls += 1;
      throw libsqlBusy;
    }, 50),
  ).rejects.toBe(libsqlBusy);
  expect(calls).toBeGreaterThan(1);
  const other = new Error("disk I/O error");
  let otherCalls = 0;
  await expect(
    waitWhileBusy(async () => {
      otherCalls += 1;
      throw other;
    }, 5_000),
  ).rejects.toBe(other);
  expect(otherCalls).toBe(1);
});
