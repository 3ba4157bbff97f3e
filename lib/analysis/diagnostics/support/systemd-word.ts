/**
 * One argument for an ExecStart= line. `%` is doubled because systemd expands specifiers; `$` is
 * kept because the argv systemctl shows still holds the $VAR references systemd expands at exec.
 */
export function systemdWord(word: string): string {
  const escaped = word.replace(/%/g, "%%");
  if (escaped !== "" && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
