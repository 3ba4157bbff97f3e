const C_INT = /^[ \t\n\v\f\r]*[+-]?[0-9]+$/;

/**
 * The level a PYTHON* flag variable sets, as CPython's `_Py_get_env_flag` parses it (python-bytecode.md §3):
 * unset or empty → 0, a decimal integer (strtol, leading blanks allowed) is used as-is, anything
 * else — "no", "false", "0 ", negative or out of range — counts as 1. So "0" does not disable
 * bytecode writing but "no" does.
 */
export function envFlag(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  if (!C_INT.test(value)) return 1;
  const parsed = Number(value.trim());
  return parsed < 0 || parsed > 0x7fffffff ? 1 : parsed;
}
