import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { migratePostgres } from "@/lib/db/migrate-postgresql";
import { generatedModels } from "../support/generated-models";
import { schemaDrift } from "../support/schema-drift";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";

// db-drift.test.ts for PostgreSQL: prisma/migrations-postgresql must build what PostgreSQL's client expects.
const COLUMN_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Bytes: "bytea",
  BigInt: "bigint",
};

// Reading a generated client's types takes a TypeScript program: read PostgreSQL's once.
let models: ReturnType<typeof generatedModels> | undefined;
const postgresModels = () => (models ??= generatedModels("generated-postgresql"));

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: "YES" | "NO" };

describe.skipIf(postgresMissing)(`PostgreSQL migrations${postgresMissing ? ` (${postgresMissing})` : ""}`, () => {
  let server: RunningPostgres | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(() => server?.stop());

  test("every model and scalar field of PostgreSQL's client exists in a freshly migrated database, with the same nullability", async () => {
    const url = await server!.createDatabase("drift");
    await migratePostgres(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<Column>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    await client.end();
    const models = postgresModels();
    expect(models.size).toBeGreaterThan(0);
    const columnsOf = (model: string) =>
      new Map(
        rows
          .filter((r) => r.table_name === model)
          .map((r) => [r.column_name, { type: r.data_type, nullable: r.is_nullable === "YES" }]),
      );
    const problems = schemaDrift(models, columnsOf, COLUMN_TYPE);
    expect(
      problems,
      "schema.prisma changed without a PostgreSQL migration? add one (docs/development.md: Changing the schema)",
    ).toEqual([]);
  });

  test("both clients are generated from the one schema: the same models and fields", () => {
    expect(postgresModels()).toEqual(generatedModels("generated"));
  });
});
