import type { ModelField } from "./generated-models";

/** A table's column as the migrated database describes it. */
export type TableColumn = { type: string; nullable: boolean };

/**
 * Where a migrated database differs from a generated client's models: a missing table or column, another
 * nullability, or a field stored as a type other than `storedAs` says. `columnsOf(model)` reads one table's
 * columns (none when there is no such table).
 */
export function schemaDrift(
  models: Map<string, ModelField[]>,
  columnsOf: (model: string) => Map<string, TableColumn>,
  storedAs: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const [model, fields] of models) {
    const columns = columnsOf(model);
    if (columns.size === 0) problems.push(`table ${model} is missing`);
    for (const field of fields) {
      const column = columns.get(field.name);
      if (!column) {
        if (columns.size) problems.push(`column ${model}.${field.name} is missing`);
        continue;
      }
      if (column.nullable !== field.nullable) {
        problems.push(
          `${model}.${field.name}: client says ${field.nullable ? "nullable" : "required"}, table says ${column.nullable ? "nullable" : "NOT NULL"}`,
        );
      }
      if (storedAs[field.type] !== column.type)
        problems.push(`${model}.${field.name}: ${field.type} stored as ${column.type}`);
    }
  }
  return problems;
}
