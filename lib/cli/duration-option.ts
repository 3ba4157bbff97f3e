import { CliError } from "./cli-error";
import type { OptionValues } from "./command";
import { stringOption } from "./option-values";

const UNIT_SECONDS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600 };

/** A duration like 90, 90s, 10m or 1h, in seconds; undefined when the option is absent. */
export function durationOption(values: OptionValues, key: string): number | undefined {
  const text = stringOption(values, key);
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)([smh]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]!]! : NaN;
  if (!(seconds > 0))
    throw new CliError(`--${key} needs a duration such as 90s, 10m or 1h, got ${JSON.stringify(text)}`);
  return seconds;
}
