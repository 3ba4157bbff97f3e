/**
 * One value per server process, kept on globalThis under `key`: Next may evaluate a module more than once
 * (instrumentation and route chunks separately, the dev server's reloads), and each copy must share it.
 */
export function processSingleton<T>(key: string, create: () => T): T {
  const store = globalThis as unknown as Record<string, T | undefined>;
  return (store[key] ??= create());
}
