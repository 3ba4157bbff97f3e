import { createHash } from "node:crypto";
import { pollUntil } from "@/tests/support/poll";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport } from "@/lib/transport/ssh";
import type { Transport } from "@/lib/transport/types";
import { keyLogin } from "@/tests/support/ssh-login";
import { startSshd, type Sshd } from "@/tests/support/sshd";

let sshd: Sshd;
let transport: Transport;

beforeAll(async () => {
  sshd = await startSshd();
  transport = await createSshTransport(keyLogin(sshd));
});

afterAll(async () => {
  await transport?.close();
  await sshd?.stop();
});

const MiB = 1024 * 1024;
const TOTAL_MIB = 64;

// Writes TOTAL_MIB of seeded random bytes to stdout and their SHA-256 to stderr, so the receiving
// side can check every byte arrived in order.
const producer = `python3 -c 'import hashlib, random, sys
rng, h = random.Random(7), hashlib.sha256()
for _ in range(${TOTAL_MIB}):
    block = rng.randbytes(${MiB}); h.update(block); sys.stdout.buffer.write(block)
sys.stdout.flush(); sys.stderr.write(h.hexdigest())'`;

test("64 MiB of stdout streams intact while an unread stdout holds only a bounded amount in memory", async () => {
  const handle = await transport.exec(producer, {});
  const reader = handle.stdout[Symbol.asyncIterator]();
  const hash = createHash("sha256");
  const first = (await reader.next()).value as Buffer;
  hash.update(first);
  let bytes = first.length;
  // Stop reading until nothing more arrives (memory held still for half a second): with backpressure that
  // is once the SSH window is full; without it, only once the whole output piled up in this process.
  const before = process.memoryUsage().arrayBuffers;
  let last = before;
  await pollUntil(
    "the unread output to stop growing",
    async () => {
      await new Promise((r) => setTimeout(r, 500));
      const now = process.memoryUsage().arrayBuffers;
      const still = now === last;
      last = now;
      return still ? true : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 0 },
  );
  const grown = last - before;
  expect(grown).toBeLessThan(16 * MiB);
  for (let next = await reader.next(); !next.done; next = await reader.next()) {
    const chunk = next.value as Buffer;
    hash.update(chunk);
    bytes += chunk.length;
  }
  const result = await handle.done;
  expect(result.exitCode).toBe(0);
  expect(bytes).toBe(TOTAL_MIB * MiB);
  expect(hash.digest("hex")).toBe(result.stderr);
});

test("stderr is capped at 64 KiB, keeping its beginning and its end, while stdout still completes", async () => {
  const noisy = `python3 -c 'import sys
sys.stderr.write("FIRST\\n" + "e" * 2000000 + "\\nLAST\\n"); print("done")'`;
  const handle = await transport.exec(noisy, {});
  const chunks: Buffer[] = [];
  for await (const chunk of handle.stdout) chunks.push(chunk as Buffer);
  const result = await handle.done;
  expect(Buffer.concat(chunks).toString()).toBe("done\n");
  expect(result.stderr.length).toBeLessThan(64 * 1024 + 100);
  expect(result.stderr.startsWith("FIRST\n")).toBe(true);
  expect(result.stderr.endsWith("\nLAST\n")).toBe(true);
  expect(result.stderr).toMatch(/bytes of stderr omitted/);
});
