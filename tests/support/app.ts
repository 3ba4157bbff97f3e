import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./free-port";
import { tempDir } from "./temp-dir";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type RunningApp = {
  url: string;
  databaseFile: string;
  logs: () => string;
  stop: () => Promise<void>;
  /** The server process (scripts/serve.mjs), for tests of how it reacts to signals. */
  pid: number;
  /** Resolves with the exit code (or signal name) once the server process has exited. */
  exited: Promise<number | string | null>;
};

async function waitForHttp(url: string, child: ChildProcess, logs: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${logs()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs} ms:\n${logs()}`);
}

/**
 * The dashboard's server (scripts/serve.mjs, as `npm start` runs it) on the existing build (see tests/support/e2e-global-setup.ts, which builds once per run)
 * on a free port of loopback (or of `hostname`), against a fresh temporary database unless one is given.
 */
export async function startApp(
  options: { databaseFile?: string; env?: Record<string, string>; hostname?: string } = {},
): Promise<RunningApp> {
  const hostname = options.hostname ?? "127.0.0.1";
  const temp = tempDir("deploylens-app-");
  const databaseFile = options.databaseFile ?? path.join(temp.dir, "deploylens.db");
  const port = await freePort();
  let output = "";
  const url = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
  // Served on another address, the server must be told it answers for that Host, as a user would tell it.
  const origins = hostname === "127.0.0.1" ? {} : { DEPLOYLENS_ORIGINS: url };
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), "-p", String(port), "-H", hostname], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...origins,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    if (!options.databaseFile) temp.remove();
  };
  try {
    await waitForHttp(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseFile, logs: () => output, stop, pid: child.pid!, exited };
}
