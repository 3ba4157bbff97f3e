import { expect, test } from "vitest";
import { AppError } from "@/lib/errors";
import { compressBlob, decompressBlob } from "@/lib/snapshot/blob-codec";

const raw = Buffer.from("x".repeat(4 * 1024 * 1024));
const blob = compressBlob(raw);

test("a blob inflates to its recorded size", () => {
  expect(decompressBlob(blob, raw.length).equals(raw)).toBe(true);
});

test("a blob that inflates beyond its recorded size stops with a typed error, not unbounded memory", () => {
  expect(blob.length).toBeLessThan(64 * 1024);
  const error = (() => {
    try {
      decompressBlob(blob, 1024 * 1024);
    } catch (e) {
      return e;
    }
  })();
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("inventory-blob-too-large");
});
