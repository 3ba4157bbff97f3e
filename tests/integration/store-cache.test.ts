import path from "node:path";
import Database from "libsql";
import { afterAll, beforeAll, expect, test } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { migrate } from "@/lib/db/migrate";
import { migrationsDir } from "@/lib/db/paths";
import { sqliteAdapter } from "@/lib/db/sqlite-adapter";
import { readThroughStore } from "@/lib/db/store-cache";
import { storeVersion } from "@/lib/db/store-version";
import { tempDir } from "../support/temp-dir";

// The dashboard's shared reads are kept per store version: a commit that writes hosts or snapshots (in this
// process or any other) must end them; the writes that happen all the time (jobs, sessions, settings) must not.

const temp = tempDir("deploylens-store-cache-");
const file = path.join(temp.dir, "deploylens.db");
const savedUrl = process.env.DATABASE_URL;
let prisma: PrismaClient;

beforeAll(() => {
  process.env.DATABASE_URL = `file:${file}`;
  migrate({ dir: migrationsDir() });
  prisma = new PrismaClient({ adapter: sqliteAdapter(file) });
});
afterAll(async () => {
  await prisma.$disconnect();
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  temp.remove();
});

/** A cached read that counts how often it really read. */
function countingRead(key: string) {
  let reads = 0;
  const read = () =>
    readThroughStore(key, async () => {
      reads++;
      return prisma.host.findMany({ select: { name: true } });
    });
  return { read, reads: () => reads };
}

const newHost = (name: string) => ({ name, transport: "local", appRoots: "[]", python: "python3" });

test("a read is served again until hosts or snapshots change, and the value is frozen", async () => {
  const { read, reads } = countingRead("hosts, first test");
  expect(await read()).toEqual([]);
  const first = await read();
  expect(reads()).toBe(1);
  expect(Object.isFrozen(first)).toBe(true);

  await prisma.appSetting.create({ data: { key: "k", value: "v" } });
  await prisma.$transaction(async (tx) => tx.appSetting.update({ where: { key: "k" }, data: { value: "w" } }));
  await read();
  expect(reads()).toBe(1);

  await prisma.host.create({ data: newHost("web-1") });
  expect(await read()).toEqual([{ name: "web-1" }]);
  expect(reads()).toBe(2);

  await prisma.$transaction(async (tx) => tx.host.update({ where: { name: "web-1" }, data: { name: "web-2" } }));
  expect(await read()).toEqual([{ name: "web-2" }]);
  expect(reads()).toBe(3);
});

test("a commit by another connection (the CLI's, say) ends every cached read, whatever it wrote", async () => {
  const { read, reads } = countingRead("hosts, second test");
  await read();
  const before = storeVersion();
  const other = new Database(file);
  try {
    other.prepare("UPDATE AppSetting SET value = ? WHERE key = ?").run("from-the-cli", "k");
  } finally {
    other.close();
  }
  expect(storeVersion()).not.toBe(before);
  await read();
  expect(reads()).toBe(2);
});
