import type { Finding } from "../types";
import type { Facts } from "./support/facts";

/** One diagnostic: at most one finding per snapshot, so ids stay unique in a report. */
export type Rule = {
  /** Stable kebab-case id, equal to the rule's file name. */
  id: string;
  check(facts: Facts): Finding | null;
};
