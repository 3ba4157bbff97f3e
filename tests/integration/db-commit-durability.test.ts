import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { PrismaClient } from "@/lib/db/generated/client";
import { migrate } from "@/lib/db/migrate";
import { migrationsDir } from "@/lib/db/paths";
import { sqliteAdapter } from "@/lib/db/sqlite-adapter";
import { tempDir } from "../support/temp-dir";

// The dashboard's SQLite calls block its event loop, so a COMMIT that waits for the disk stalls every
// request: the app's connections commit in WAL mode with synchronous = NORMAL (1), not SQLite's FULL (2).

const temp = tempDir("deploylens-durability-");
const savedUrl = process.env.DATABASE_URL;
afterAll(() => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  temp.remove();
});

test("the app's transactions and single writes commit with synchronous = NORMAL in WAL mode", async () => {
  const file = path.join(temp.dir, "deploylens.db");
  process.env.DATABASE_URL = `file:${file}`;
  migrate({ dir: migrationsDir() });
  const prisma = new PrismaClient({ adapter: sqliteAdapter(file) });
  try {
    const inTransaction = await prisma.$transaction(async (tx) => {
      await tx.appSetting.create({ data: { key: "a", value: "1" } });
      return tx.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    });
    expect(Number(inTransaction[0]?.synchronous)).toBe(1);
    await prisma.appSetting.create({ data: { key: "b", value: "2" } });
    const mode = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode[0]?.journal_mode).toBe("wal");
    expect(await prisma.appSetting.count()).toBe(2);
  } finally {
    await prisma.$disconnect();
  }
});
