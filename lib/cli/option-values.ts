import { CliError } from "./cli-error";
import type { OptionValues } from "./command";

export const stringOption = (values: OptionValues, key: string) => values[key] as string | undefined;

/** A whole-number option, or undefined when absent; anything else is a usage error naming the flag. */
export function intOption(values: OptionValues, key: string): number | undefined {
  const text = stringOption(values, key);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new CliError(`--${key} needs a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** A number option (decimals allowed), or undefined when absent. */
export function numberOption(values: OptionValues, key: string): number | undefined {
  const text = stringOption(values, key);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new CliError(`--${key} needs a number, got ${JSON.stringify(text)}`);
  return value;
}
