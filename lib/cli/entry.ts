// The bundled CLI's entry point. `--version` answers at once; everything else loads the commands, and
// with them ssh2, Prisma and zod, only when a command runs (the bundle splits at these imports).
import packageJson from "../../package.json" with { type: "json" };

const [first] = process.argv.slice(2);
if (first === "--version" || first === "-V") {
  process.stdout.write(`deploylens ${packageJson.version}\n`);
} else {
  if (first === "collect") {
    (await import("./tight-heap")).keepHeapTight();
    // `collect NAME` starts its collector first: the target walks while the rest of the CLI loads.
    await (await import("./collect-early")).startCollectEarly(process.argv.slice(3));
  }
  await import("./main");
}
