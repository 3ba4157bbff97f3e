import { startCollectorEarly } from "@/lib/jobs/early-collector";
import { collectArguments, gatesFrom } from "./collect-arguments";
import { parseCommandArgs } from "./parse-command-args";

/**
 * `collect NAME` with valid arguments: connects and starts the collector before the rest of the CLI loads
 * (lib/jobs/early-collector.ts). Anything wrong (a bad option, an unknown host, a database to repair) starts
 * nothing here: the command finds it again as usual and reports it, before anything connects.
 */
export async function startCollectEarly(args: string[]): Promise<void> {
  if (args.some((arg) => arg === "--help" || arg === "-h")) return;
  try {
    const { values, positionals } = parseCommandArgs(collectArguments, args);
    gatesFrom(values);
    const [name] = positionals;
    if (!values.all && name !== undefined && positionals.length === 1) await startCollectorEarly(name);
  } catch {
    // Reported by the command itself.
  }
}
