import { expect, test } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

const ORIGIN = "http://127.0.0.1:3000";

test.each<[string, unknown, string]>([
  ["a plain path", "/hosts/abc", "/hosts/abc"],
  ["a path with query and fragment", "/compare?left=a&right=b#files", "/compare?left=a&right=b#files"],
  ["nothing", undefined, "/"],
  ["an array (a repeated parameter)", ["/a", "/b"], "/"],
  ["another site", "https://evil.example/", "/"],
  ["a protocol-relative URL", "//evil.example/owned", "/"],
  ["a backslash after the slash", "/\\evil.example/owned", "/"],
  ["two backslashes", "\\\\evil.example/owned", "/"],
  ["a tab between the slashes", "/\t/127.0.0.1:3391/owned", "/"],
  ["a newline between the slashes", "/\n/127.0.0.1:3391/owned", "/"],
  ["a carriage return between the slashes", "/\r/127.0.0.1:3391/owned", "/"],
  ["a tab before a backslash", "/\t\\127.0.0.1:3391/owned", "/"],
  ["a dot segment that leaves two slashes", "/.//evil.example/owned", "/"],
  ["an encoded dot segment", "/%2e//evil.example/owned", "/"],
  ["javascript:", "javascript:alert(1)", "/"],
  ["a data URL", "data:text/html,<script>alert(1)</script>", "/"],
  ["an encoded slash stays a path", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["a tab inside a path is dropped as the browser does", "/ho\tsts", "/hosts"],
])("%s", (_name, next, expected) => {
  expect(safeNextPath(next, ORIGIN)).toBe(expected);
  expect(safeNextPath(next)).toBe(expected);
});

test("every answer stays on the origin when the browser resolves it", () => {
  const inputs = ["/\t/x.example", "/\\/x.example", "/./\\x.example", "/..//x.example", "/%09/x.example", "/a/../\\x"];
  for (const input of inputs) {
    const answer = safeNextPath(input, ORIGIN);
    expect(new URL(answer, ORIGIN).origin, JSON.stringify(input)).toBe(ORIGIN);
    expect(answer.startsWith("//") || answer.startsWith("/\\")).toBe(false);
  }
});
