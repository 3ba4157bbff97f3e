const tasks = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const task of tasks) {
    try {
      task();
    } catch {
      // Best effort: one failed cleanup must not stop the others while the process is going down.
    }
  }
  tasks.clear();
}

/**
 * Runs `task` (synchronously) when this process exits, also on SIGINT/SIGTERM, so a crashed or
 * interrupted test still removes what it created. Returns an unregister function for normal teardown.
 */
export function onProcessExit(task: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once("exit", runAll);
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        runAll();
        // Our listener is gone now, so re-raising gets the default "die by this signal".
        process.kill(process.pid, signal);
      });
    }
  }
  tasks.add(task);
  return () => tasks.delete(task);
}
