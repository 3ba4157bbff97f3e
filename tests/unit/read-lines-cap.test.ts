import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { LineTooLongError, readLines } from "@/lib/collector/read-lines";

async function lines(chunks: string[], maxLineBytes: number): Promise<string[] | LineTooLongError> {
  const out: string[] = [];
  try {
    for await (const line of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), 1 << 20, maxLineBytes))
      out.push(line.toString());
    return out;
  } catch (error) {
    if (error instanceof LineTooLongError) return error;
    throw error;
  }
}

const cases: { name: string; chunks: string[]; expected: string[] | { line: number } }[] = [
  { name: "a line of exactly the limit passes", chunks: ["12345678\nab\n"], expected: ["12345678", "ab"] },
  { name: "a line one byte over fails in one chunk", chunks: ["ok\n123456789\n"], expected: { line: 2 } },
  { name: "a line over the limit across chunks fails", chunks: ["1234", "5678", "9"], expected: { line: 1 } },
  {
    name: "a line over the limit fails before its newline arrives",
    chunks: ["ab\n", "123456789"],
    expected: { line: 2 },
  },
  {
    name: "lines at the limit joined from chunks pass",
    chunks: ["1234", "5678\n12", "345678\n"],
    expected: ["12345678", "12345678"],
  },
];

for (const { name, chunks, expected } of cases) {
  test(name, async () => {
    const result = await lines(chunks, 8);
    if (Array.isArray(expected)) expect(result).toEqual(expected);
    else {
      expect(result).toBeInstanceOf(LineTooLongError);
      expect((result as LineTooLongError).lineNumber).toBe(expected.line);
      expect((result as LineTooLongError).message).toContain("(8 bytes) limit on one line");
    }
  });
}
