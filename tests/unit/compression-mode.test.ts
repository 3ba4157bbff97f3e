import { describe, expect, test } from "vitest";
import { compressionMode, isLoopback, mayCompress } from "../../scripts/compression.mjs";

describe("DEPLOYLENS_COMPRESSION", () => {
  test("unset or empty means auto; values are read without case or surrounding spaces", () => {
    expect(compressionMode(undefined)).toBe("auto");
    expect(compressionMode("")).toBe("auto");
    expect(compressionMode(" OFF ")).toBe("off");
    expect(compressionMode("on")).toBe("on");
  });

  test("any other value is refused with the values it may take", () => {
    expect(() => compressionMode("gzip")).toThrow(/must be auto, on or off .*"gzip"/);
    expect(() => compressionMode("false")).toThrow(/DEPLOYLENS_COMPRESSION/);
  });
});

describe("which peers get compressed answers", () => {
  test("loopback, in every form a socket reports it", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "::FFFF:127.0.0.9"])
      expect(isLoopback(address), address).toBe(true);
    for (const address of ["192.0.2.2", "10.0.0.1", "fd00::2", "::ffff:192.0.2.2", "1270.0.0.1", "", undefined])
      expect(isLoopback(address), String(address)).toBe(false);
  });

  test("auto compresses for the network only; on and off do as they say", () => {
    expect(mayCompress("auto", "127.0.0.1")).toBe(false);
    expect(mayCompress("auto", "192.0.2.2")).toBe(true);
    expect(mayCompress("auto", undefined)).toBe(true);
    expect(mayCompress("on", "::1")).toBe(true);
    expect(mayCompress("off", "192.0.2.2")).toBe(false);
  });
});
