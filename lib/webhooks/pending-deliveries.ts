// Deliveries run after the collection is reported done; a short-lived process (the CLI) waits for them.
const pending = new Set<Promise<unknown>>();

export function trackDelivery(delivery: Promise<unknown>): void {
  pending.add(delivery);
  void delivery.finally(() => pending.delete(delivery));
}

export async function settleDeliveries(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
