/** The two sides' column headings: which host each column is, so the columns read without the page title. */
export type SideNames = { left: string; right: string };

/** Row highlights from the existing palette (mirrored in dark mode by app/globals.css). */
export const CHANGE_CLASS = {
  same: "",
  changed: "bg-amber-50",
  "only-left": "bg-red-50",
  "only-right": "bg-emerald-50",
} as const;
