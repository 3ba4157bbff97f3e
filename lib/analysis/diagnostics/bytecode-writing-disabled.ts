import type { Evidence, FixStep } from "../types";
import type { Rule } from "./rule";
import { applyStep } from "./support/apply-step";
import { recompiledSummary } from "./support/blocked-evidence";
import { plural } from "./support/count-by";
import { disabledBy } from "./support/disabled-by";
import type { Facts } from "./support/facts";
import { parsePythonArgv } from "./support/python-argv";
import { userLabel } from "./support/service-labels";
import { estimateUnlessMeasured, startupCost } from "./support/startup-cost";
import { systemdManages } from "./support/systemd-manages";
import { systemdWord } from "./support/systemd-word";

const id = "bytecode-writing-disabled";

function fixSteps(f: Facts, flagB: boolean, variable: string | null): FixStep[] {
  const unit = f.service.unit ?? "the service";
  const lines = ["[Service]"];
  if (variable !== null) lines.push("UnsetEnvironment=PYTHONDONTWRITEBYTECODE");
  const parsed = parsePythonArgv(f.service.execStart);
  if (flagB && parsed) {
    // Only words made of value-less flag letters can hold a B that means -B ("-OB" → "-O").
    const flags = parsed.flagWords
      .map((w) => (/^-[bBdEiIOqsSuvx]+$/.test(w) ? w.replace(/B/g, "") : w))
      .filter((w) => w !== "-");
    lines.push("ExecStart=", `ExecStart=${[parsed.interpreter, ...flags, ...parsed.rest].map(systemdWord).join(" ")}`);
  }
  const steps: FixStep[] = [];
  if (lines.length > 1 && systemdManages(f))
    steps.push({
      text: `Let the interpreter write its cache: run \`systemctl edit ${unit}\` and add the lines below (UnsetEnvironment= applies after Environment= and EnvironmentFile=).`,
      code: lines.join("\n"),
    });
  else
    steps.push({
      text: "Remove -B (it may sit in a console script's shebang) and PYTHONDONTWRITEBYTECODE from the service's start command and environment.",
    });
  steps.push(applyStep(f));
  return steps;
}

/** python-bytecode.md §3: with sys.dont_write_bytecode the importer never even tries to save what it compiled. */
export const bytecodeWritingDisabled: Rule = {
  id,
  check(f) {
    if (!f.writingDisabled) return null;
    const dirs = f.blocked.get(id) ?? [];
    const { recompiled, text } = recompiledSummary(f, dirs);
    const { flagB, variable, explanation } = disabledBy(f);
    const evidence: Evidence[] = [{ label: "Service user", value: userLabel(f) }];
    if (explanation) evidence.push({ label: "Why", value: explanation });
    if (flagB) evidence.push({ label: "Command line", value: "-B" });
    if (variable !== null) evidence.push({ label: "PYTHONDONTWRITEBYTECODE", value: JSON.stringify(variable) });
    if (recompiled) evidence.push({ label: "Modules without a usable pyc", value: text });
    const unwritable = dirs.filter((d) => d.dir?.bytecode && !d.dir.bytecode.access.writable).length;
    if (unwritable)
      evidence.push({
        label: `Also not writable for ${f.user}`,
        value: plural(unwritable, "directory", "directories"),
      });
    const fix = fixSteps(f, flagB, variable);
    if (unwritable)
      fix.push({
        text: `${plural(unwritable, "bytecode directory", "bytecode directories")} would still refuse the writes: collect again after the restart to see which rule owns them.`,
      });
    return {
      id,
      severity: recompiled > 0 ? "warning" : "info",
      title:
        recompiled > 0
          ? `Bytecode writing is disabled: ${plural(recompiled, "module")} compiled at every start`
          : "Bytecode writing is disabled",
      detail:
        "The service's interpreter runs with sys.dont_write_bytecode set, so it reads existing pycs but never saves the ones it compiles. " +
        "Any module without a valid pyc is compiled from source at every process start" +
        (recompiled ? `: up to ${plural(recompiled, "module")} now${estimateUnlessMeasured(f, recompiled)}` : "") +
        ", and every edited source stays that way: its stale pyc is never replaced. PYTHONDONTWRITEBYTECODE=0 would not do this: only a non-zero integer or a non-numeric value disables writing, and -E/-I ignore the variable.",
      evidence,
      fix,
      startupCost: recompiled ? startupCost(f, recompiled, dirs) : undefined,
      blocking: recompiled
        ? {
            directories: dirs.length,
            cause: `bytecode writing is disabled (${flagB ? "-B" : "PYTHONDONTWRITEBYTECODE"})`,
          }
        : undefined,
    };
  },
};
