import { spawn } from "node:child_process";
import path from "node:path";
import { cleanEnv } from "./python";

const BIN = path.resolve(import.meta.dirname, "../../bin/deploylens");

export type ObservationJson = {
  startedAt: string;
  durationMs: number;
  modules: { name: string; path: string; loaded: "cache" | "compiled"; blocked: boolean }[];
  staticMissed: string[];
  staticExtra: string[];
};

/** An observation's fields, sorted: what the CLI prints and the API returns, nothing more. */
export const OBSERVATION_KEYS = ["durationMs", "modules", "startedAt", "staticExtra", "staticMissed"];

/**
 * `deploylens observe NAME --json …` as a script runs it: `armed` resolves at its "watching N directories"
 * line on stderr (the moment to start the service), `done` when it exits.
 */
export function observeInBackground(name: string, databaseFile: string, extra: string[] = []) {
  const args = [BIN, "observe", name, "--json", "--quiet", "2s", "--timeout", "3m", ...extra];
  const child = spawn(process.execPath, args, {
    env: { ...cleanEnv(), DATABASE_URL: `file:${databaseFile}`, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const armed = new Promise<number>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /watching (\d+) directories/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.on("close", () => reject(new Error(`observe ended before arming: ${stderr}`)));
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { armed, done };
}
