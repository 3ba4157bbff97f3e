// The bundled CLI's entry point. `--version` answers at once; everything else loads the commands, and
// with them ssh2, Prisma and zod, only when a command runs (the bundle splits at this import).
import packageJson from "../../package.json" with { type: "json" };

const [first] = process.argv.slice(2);
if (first === "--version" || first === "-V") {
  process.stdout.write(`deploylens ${packageJson.version}\n`);
} else {
  await import("./main");
}
