import { expect, test } from "vitest";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import { fromWireError, toWireError } from "@/lib/db/sqlite-worker-wire";

/** An error as the SQLite thread throws it, after the crossing: what the dashboard's thread sees. */
const crossed = (error: unknown) => fromWireError(structuredClone(toWireError(error)));

class DriverAdapterError extends Error {
  override name = "DriverAdapterError";
}

test("libSQL's busy error crosses with its code and raw code, so it is still waited for", () => {
  const busy = Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY", rawCode: 5 });
  const error = crossed(busy);
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ message: "SQLITE_BUSY: database is locked", code: "SQLITE_BUSY", rawCode: 5 });
  expect(isDatabaseBusy(error)).toBe(true);
});

test("Prisma's adapter error keeps its name and mapped cause, which Prisma reads to report it", () => {
  const cause = { kind: "UniqueConstraintViolation", constraint: { fields: ["name"] } };
  const error = crossed(new DriverAdapterError("unique", { cause }));
  expect(error.name).toBe("DriverAdapterError");
  expect(error.cause).toEqual(cause);
  const busy = crossed(new DriverAdapterError("busy", { cause: { kind: "SocketTimeout", originalCode: "5" } }));
  expect(isDatabaseBusy(busy)).toBe(true);
});

test("a cause that cannot be cloned is dropped, not a reason to lose the error", () => {
  const error = crossed(new Error("odd", { cause: { run: () => 1 } }));
  expect(error).toMatchObject({ message: "odd" });
  expect(error.cause).toBeUndefined();
});

test("anything thrown that is no Error crosses as its text", () => {
  expect(crossed("gone").message).toBe("gone");
});
