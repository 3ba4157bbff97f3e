// Runs once when the server starts: bring the database up to date before the first request, then
// start the scheduler — in the Node runtime only, and never while `next build` prerenders pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateOnStart } = await import("./lib/db/migrate-on-start");
  migrateOnStart();
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.DEPLOYLENS_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/jobs/start-scheduler");
  await startScheduler();
}
