import fs from "node:fs";
import { Session } from "node:inspector/promises";

/** Runs `work` under V8's sampling profiler when `file` is given, writing a .cpuprofile there. */
export async function cpuProfiled<T>(file: string | null, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
