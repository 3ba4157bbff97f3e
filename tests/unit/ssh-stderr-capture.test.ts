import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { expect, test } from "vitest";
import { captureStderr } from "@/lib/transport/ssh-stderr-capture";

async function capture(chunks: string[], cap: number): Promise<string> {
  const stream = Readable.from(chunks.map((c) => Buffer.from(c)));
  const text = captureStderr(stream, cap);
  await finished(stream);
  return text();
}

test.each([
  ["nothing", [], 16, ""],
  ["less than the cap", ["ab", "cd"], 16, "abcd"],
  ["exactly the cap", ["0123456789abcdef"], 16, "0123456789abcdef"],
])("%s is kept whole", async (_name, chunks, cap, expected) => {
  expect(await capture(chunks, cap)).toBe(expected);
});

test("more than the cap keeps the first and last halves and says how much was left out", async () => {
  const text = await capture(["HEAD....", "x".repeat(1000), "....TAIL"], 16);
  expect(text).toBe("HEAD....\n[… 1000 bytes of stderr omitted …]\n....TAIL");
});

test("the tail is right when it spans many small chunks", async () => {
  const chunks = Array.from({ length: 100 }, (_, i) => String(i % 10));
  const text = await capture(chunks, 8);
  expect(text.startsWith("0123\n")).toBe(true);
  expect(text.endsWith("\n6789")).toBe(true);
  expect(text).toContain("92 bytes");
});
