import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const DB = path.resolve(import.meta.dirname, "../../lib/db");

export type ModelField = { name: string; type: string; nullable: boolean };

/**
 * Model → scalar fields, as the generated Prisma client declares them (its runtime model and its TypeScript types):
 * SQLite's client (lib/db/generated) unless `client` names PostgreSQL's (generated-postgresql).
 */
export function generatedModels(client: "generated" | "generated-postgresql" = "generated"): Map<string, ModelField[]> {
  const GENERATED = path.join(DB, client);
  const classSource = fs.readFileSync(path.join(GENERATED, "internal/class.ts"), "utf8");
  const json = /runtimeDataModel = JSON\.parse\((".*?")\)\n/.exec(classSource)?.[1];
  if (!json) throw new Error("runtimeDataModel not found in the generated client");
  const runtime = JSON.parse(JSON.parse(json) as string) as {
    models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
  };
  const program = ts.createProgram([path.join(GENERATED, "client.ts")], {
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const clientFile = program.getSourceFile(path.join(GENERATED, "client.ts"))!;
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(clientFile)!);
  const models = new Map<string, ModelField[]>();
  for (const [model, { fields }] of Object.entries(runtime.models)) {
    const symbol = exports.find((e) => e.name === model);
    if (!symbol) throw new Error(`the generated client exports no type ${model}`);
    const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const type = checker.getDeclaredTypeOfSymbol(resolved);
    const scalars = fields.filter((f) => f.kind === "scalar");
    models.set(
      model,
      scalars.map((field) => {
        const property = type.getProperty(field.name);
        if (!property) throw new Error(`${model}.${field.name} is missing from the generated type`);
        const propertyType = checker.getTypeOfSymbol(property);
        const nullable = propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Null);
        return { name: field.name, type: field.type, nullable };
      }),
    );
  }
  return models;
}
