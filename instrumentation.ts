// Runs once when the server starts: bring the database up to date before the first request, then
// start the scheduler — in the Node runtime only, and never while `next build` prerenders pages.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateOnStart } = await import("./lib/db/migrate-on-start");
  await migrateOnStart();
  // `next build` runs this too: nothing below belongs to a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // SIGTERM/SIGINT stop the server within seconds, whatever runs, and mark running collections "interrupted".
  const { stopOnSignal } = await import("./lib/jobs/stop-on-signal");
  stopOnSignal();
  const { checkTrustedProxiesOnStart } = await import("./lib/auth/check-trusted-proxies-on-start");
  checkTrustedProxiesOnStart();
  // Collections the previous process did not finish are recorded as "interrupted", never left "running".
  const { markInterruptedJobs } = await import("./lib/jobs/mark-interrupted-jobs");
  await markInterruptedJobs();
  // The CLI and alerts link to the dashboard serving this database: the address this server is reached under.
  const { recordPublicUrl } = await import("./lib/db/queries/public-url");
  await recordPublicUrl();
  // With no users yet, the console gets the one-time link that creates the first admin.
  const { announceSetupOnStart } = await import("./lib/auth/announce-setup-on-start");
  await announceSetupOnStart();
  // On PostgreSQL every instance claims collections from the shared queue, scheduler or not.
  const { fleetQueue, fleetQueueEnabled } = await import("./lib/jobs/fleet-queue");
  if (fleetQueueEnabled()) await fleetQueue();
  if (process.env.DEPLOYLENS_SCHEDULER === "off") return;
  const { startScheduler } = await import("./lib/jobs/start-scheduler");
  await startScheduler();
}
