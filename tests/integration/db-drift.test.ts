import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { generatedModels } from "../support/generated-models";
import { schemaDrift } from "../support/schema-drift";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-drift-");
afterAll(() => temp.remove());

const AFFINITY: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  Float: "REAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Bytes: "BLOB",
  BigInt: "BIGINT",
};

test("every model and scalar field of the generated client exists in a freshly migrated database, with the same nullability", () => {
  const file = path.join(temp.dir, "drift.db");
  migrate({ file });
  const db = new Database(file, { readonly: true });
  const models = generatedModels();
  expect(models.size).toBeGreaterThan(0);
  type Column = { name: string; type: string; notnull: number; pk: number };
  const columnsOf = (model: string) =>
    new Map(
      (db.prepare(`PRAGMA table_info("${model}")`).all() as Column[]).map((c) => [
        c.name,
        { type: c.type, nullable: c.notnull === 0 && c.pk === 0 },
      ]),
    );
  const problems = schemaDrift(models, columnsOf, AFFINITY);
  db.close();
  expect(problems, "schema.prisma changed without a migration? add one (README: Changing the schema)").toEqual([]);
});
