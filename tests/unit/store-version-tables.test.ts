import { expect, test } from "vitest";
import { writesReadTables } from "@/lib/db/store-version";

// Which commits move the store version: those that may change a cached read (hosts, snapshots), or that write
// a table the pattern does not recognise. The statements are of the shapes Prisma's SQLite adapter sends.
const cases: [string, string, boolean][] = [
  ["a snapshot stored", "INSERT INTO `main`.`Snapshot` (`id`, `hostId`) VALUES (?,?) RETURNING `id`", true],
  ["a host renamed", 'UPDATE "main"."Host" SET "name" = ? WHERE "id" = ?', true],
  ["a host deleted (its snapshots cascade)", "DELETE FROM `main`.`Host` WHERE `id` = ?", true],
  ["a job's progress", "UPDATE `main`.`CollectionJob` SET `state` = ? WHERE `id` = ?", false],
  ["a session's activity", "UPDATE `main`.`Session` SET `lastSeenAt` = ? WHERE `id` = ?", false],
  ["an audit event", "INSERT INTO `main`.`AuditEvent` (`id`) VALUES (?)", false],
  ["a read", "SELECT `id` FROM `main`.`Host` WHERE 1=1", false],
  ["a savepoint", "SAVEPOINT s1", false],
  ["a migration", "CREATE TABLE Other (id TEXT)", true],
  ["an unquoted table", "insert or replace into Snapshot (id) values (?)", true],
];

test.each(cases)("%s", (_what, sql, moves) => {
  expect(writesReadTables([sql])).toBe(moves);
});

test("a transaction moves it if any of its statements does", () => {
  expect(
    writesReadTables([
      "SELECT 1",
      "UPDATE `main`.`Session` SET a = 1",
      "INSERT INTO `main`.`Snapshot` (id) VALUES (1)",
    ]),
  ).toBe(true);
  expect(writesReadTables(["SELECT 1", "UPDATE `main`.`Session` SET a = 1"])).toBe(false);
});
