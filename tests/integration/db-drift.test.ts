import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { generatedModels } from "../support/generated-models";
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
  const problems: string[] = [];
  for (const [model, fields] of models) {
    const columns = new Map(
      (
        db.prepare(`PRAGMA table_info("${model}")`).all() as {
          name: string;
          type: string;
          notnull: number;
          pk: number;
        }[]
      ).map((c) => [c.name, c]),
    );
    if (columns.size === 0) problems.push(`table ${model} is missing`);
    for (const field of fields) {
      const column = columns.get(field.name);
      if (!column) {
        if (columns.size) problems.push(`column ${model}.${field.name} is missing`);
        continue;
      }
      const columnNullable = column.notnull === 0 && column.pk === 0;
      if (columnNullable !== field.nullable) {
        problems.push(
          `${model}.${field.name}: client says ${field.nullable ? "nullable" : "required"}, table says ${columnNullable ? "nullable" : "NOT NULL"}`,
        );
      }
      if (AFFINITY[field.type] !== column.type)
        problems.push(`${model}.${field.name}: ${field.type} stored as ${column.type}`);
    }
  }
  db.close();
  expect(problems, "schema.prisma changed without a migration? add one (README: Changing the schema)").toEqual([]);
});
