import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, expect, test } from "vitest";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import { startApp, type RunningApp } from "../support/app";

// Who gets gzipped answers: over loopback (a browser on the machine, an SSH tunnel, a reverse proxy beside the
// server) compressing is CPU for nothing, so by default only peers on a network get it; DEPLOYLENS_COMPRESSION
// on and off override that, and any other value stops the server at start.

const ROOT = path.resolve(import.meta.dirname, "../..");
let app: RunningApp | undefined;

beforeAll(() => {
  ensureBuilt(ROOT);
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The sign-in page as a browser asks for it, its encoding as sent on the wire (fetch would undo it). */
function contentEncoding(url: string): Promise<{ status: number; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/login`, { headers: { "accept-encoding": "gzip, deflate, br" } }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, encoding: response.headers["content-encoding"] ?? null }),
      );
    });
    request.on("error", reject);
  });
}

/** An address of this machine that is not loopback: a peer connecting through it is on the network. */
function networkAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && !entry.internal && entry.family === "IPv4")?.address;
  if (!address) throw new Error("this machine has no IPv4 address outside loopback to connect through");
  return address;
}

test("by default an answer over loopback is plain, and one over the network is gzipped", async () => {
  app = await startApp();
  expect(await contentEncoding(app.url)).toEqual({ status: 200, encoding: null });
  await app.stop();
  app = await startApp({ hostname: networkAddress() });
  expect(await contentEncoding(app.url)).toEqual({ status: 200, encoding: "gzip" });
});

test("DEPLOYLENS_COMPRESSION=on gzips over loopback too, and off never gzips", async () => {
  app = await startApp({ env: { DEPLOYLENS_COMPRESSION: "on" } });
  expect(await contentEncoding(app.url)).toEqual({ status: 200, encoding: "gzip" });
  await app.stop();
  app = await startApp({ hostname: networkAddress(), env: { DEPLOYLENS_COMPRESSION: "off" } });
  expect(await contentEncoding(app.url)).toEqual({ status: 200, encoding: null });
});

test("any other DEPLOYLENS_COMPRESSION stops the server at start and says which values it takes", async () => {
  const started = startApp({ env: { DEPLOYLENS_COMPRESSION: "gzip" } });
  await expect(started).rejects.toThrow(/exited with 2[\s\S]*DEPLOYLENS_COMPRESSION must be auto, on or off/);
});
