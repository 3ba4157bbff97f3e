import { CliError } from "./cli-error";
import type { Command, OptionValues } from "./command";
import type { FailOn, Gates } from "./collect-gates";
import { numberOption, stringOption } from "./option-values";

/** What `collect` takes, apart from what it does: its arguments are checked before anything loads or connects. */
export const collectArguments = {
  synopsis: "collect NAME … | --all  [--fail-under PERCENT] [--fail-on critical|warning] [--json]",
  options: {
    all: { type: "boolean", description: "Collect every saved host.", default: "off: the hosts named" },
    json: {
      type: "boolean",
      description: "Print the snapshot as JSON (an array for several hosts or --all).",
      default: "off",
    },
    "fail-under": {
      type: "string",
      value: "PERCENT",
      description: "Exit 3 when startup coverage is below PERCENT (or no sources were found).",
      default: "no gate",
    },
    "fail-on": {
      type: "string",
      value: "SEVERITY",
      description: "Exit 3 on a finding of this severity: critical, or warning (warning or critical).",
      default: "no gate",
    },
  },
  positionals: { min: 0, max: Infinity },
} satisfies Pick<Command, "synopsis" | "options" | "positionals">;

export function gatesFrom(values: OptionValues): Gates {
  const failUnder = numberOption(values, "fail-under");
  if (failUnder !== undefined && (failUnder < 0 || failUnder > 100))
    throw new CliError("--fail-under takes a percentage, 0 to 100");
  const failOn = stringOption(values, "fail-on");
  if (failOn !== undefined && failOn !== "critical" && failOn !== "warning")
    throw new CliError("--fail-on takes critical or warning");
  return { failUnder, failOn: failOn as FailOn | undefined };
}
