import { expect, test } from "vitest";
import { shareExpiry } from "@/lib/shares/share-expiry";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const DAY = 86_400_000;

test.each<[string | number | undefined, number]>([
  [undefined, 7 * DAY],
  ["7d", 7 * DAY],
  ["12h", DAY / 2],
  ["30m", 30 * 60_000],
  ["90d", 90 * DAY],
  [3, 3 * DAY],
])("a share made with expires=%s lasts the asked time", (expires, ms) => {
  expect(shareExpiry(expires, NOW).getTime() - NOW).toBe(ms);
});

test.each([
  ["91d", /at most 90 days/],
  ["2161h", /at most 90 days/],
  ["0d", /future/],
  ["soon", /duration/],
  ["7 weeks", /duration/],
])("expires=%s is refused", (expires, message) => {
  expect(() => shareExpiry(expires, NOW)).toThrow(message);
});
