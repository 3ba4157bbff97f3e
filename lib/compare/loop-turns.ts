/**
 * A pause for the event loop once `sliceMs` of work have passed since the last one. A comparison shares its process
 * with the dashboard's server: awaiting pieces that are already inflated only runs microtasks, which would hold
 * every request and timer until the whole comparison is done.
 */
export function loopTurns(sliceMs = 10): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
