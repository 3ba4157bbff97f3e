import { spawn } from "node:child_process";
import path from "node:path";

const BIN = path.resolve(import.meta.dirname, "../../bin/deploylens");

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the real CLI (bin/deploylens) as a user would, against the given database. */
export function runCli(
  args: string[],
  options: { databaseFile: string; stdin?: string; cwd?: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, DATABASE_URL: `file:${options.databaseFile}`, NO_COLOR: "1", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

/**
 * Runs the real CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would: stdout and
 * stderr both are the terminal, and what it shows comes back as one text (with the terminal's CRLF).
 */
export function runCliInTerminal(
  args: string[],
  options: { databaseFile: string; env?: Record<string, string> },
): Promise<{ code: number | null; output: string }> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: { ...process.env, DATABASE_URL: `file:${options.databaseFile}`, NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
