/**
 * Node flags for running the bench's TypeScript: tsx, and the "react-server" condition so that
 * `import "server-only"` resolves to its empty module, as inside Next's server (like bin/deploylens).
 */
export function tsxNodeArgs(): string[] {
  return ["--conditions=react-server", "--import", "tsx"];
}

export function hasReactServerCondition(): boolean {
  const args = process.execArgv.join(" ");
  return /--conditions[= ]react-server|-C[= ]?react-server/.test(args);
}
