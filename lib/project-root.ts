/** The project's own folder: set by bin/deploylens so the CLI finds it from any working directory. */
export function projectRoot(): string {
  return process.env.DEPLOYLENS_HOME ?? process.cwd();
}
