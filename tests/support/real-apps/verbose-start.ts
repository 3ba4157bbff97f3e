import { spawn } from "node:child_process";
import fs from "node:fs";
import { cleanEnv } from "../python";

type StartOptions = {
  cwd: string;
  env?: Record<string, string>;
  ready: (stderr: string) => boolean;
  timeoutMs?: number;
};

/**
 * The service's exact command started with PYTHONVERBOSE=1 (the interpreter logs every import on stderr;
 * gunicorn's workers inherit it) and left running once `ready` says the start is over, as a service stays up.
 * `stop()` kills the whole process group (so no shutdown import is logged) and answers the log.
 */
export async function verboseService(argv: string[], options: StartOptions): Promise<{ stop(): Promise<string> }> {
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: options.cwd,
    env: cleanEnv({ ...options.env, PYTHONVERBOSE: "1" }),
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  // "close", not "exit": the log is whole only once every process of the group has let go of the pipe and
  // its last chunk has been read.
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    return stderr;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!options.ready(stderr)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`${argv.join(" ")} did not start (exit ${child.exitCode}):\n${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { stop };
}

/** The ground truth of a startup closure: the `-v` log of a real start of the service's exact command. */
export async function verboseStart(argv: string[], options: StartOptions): Promise<string> {
  return (await verboseService(argv, options)).stop();
}

/** A marker file the app's own start hook writes (gunicorn's post_worker_init): ready when it exists. */
export const fileExists = (file: string) => () => fs.existsSync(file);

/** Modules the interpreter loaded from source or its pyc ("import 'x' # <…SourceFileLoader…>" lines). */
export function sourceImports(log: string): Set<string> {
  const names = new Set<string>();
  for (const match of log.matchAll(/^import '([^']+)' # <_frozen_importlib_external\.SourceFileLoader/gm))
    names.add(match[1]!);
  return names;
}

/** Precision and recall of a module-name set against the truth, with what each side alone holds. */
export function accuracy(found: Iterable<string>, truth: Set<string>) {
  const mine = new Set(found);
  const hits = [...mine].filter((name) => truth.has(name)).length;
  return {
    precision: mine.size ? hits / mine.size : 0,
    recall: truth.size ? hits / truth.size : 0,
    extra: [...mine].filter((name) => !truth.has(name)).sort(),
    missed: [...truth].filter((name) => !mine.has(name)).sort(),
  };
}

/** A service started as `argv` and left running (its process group) until stop(); ready when `ready` says so. */
export async function startService(
  argv: string[],
  options: { cwd: string; env?: Record<string, string>; ready: (stderr: string) => boolean; timeoutMs?: number },
): Promise<{ stop(): void }> {
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: options.cwd,
    env: cleanEnv(options.env ?? {}),
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!options.ready(stderr)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop();
      throw new Error(`${argv.join(" ")} did not start (exit ${child.exitCode}):\n${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { stop };
}
