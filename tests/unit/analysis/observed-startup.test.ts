import { expect, test } from "vitest";
import {
  observationApplies,
  observedStartup,
  rootVerdicts,
  staticDiff,
  type ObservationForHeadline,
} from "@/lib/analysis/observed-startup";
import { identityNote } from "@/lib/analysis/identity-note";
import { startupCoverageOf, startupOrigin } from "@/lib/analysis/startup-coverage";
import { configHash } from "@/lib/snapshot/config-hash";
import type { Inventory, Startup, StartupModule } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "../../support/inventory-builder";

const MTIME = 1_700_000_000.25;
const inventoryWith = (viewsMtime = MTIME): Inventory => {
  const inventory = new InventoryBuilder({ user: "app", unit: "app.service" })
    .root("/srv/app")
    .source("webapp/__init__.py", "fresh", { size: 10, mtime: MTIME })
    .source("webapp/views.py", "missing", { size: 20, mtime: viewsMtime })
    .build();
  return { ...inventory, startup: staticClosure };
};
const mod = (name: string, status: StartupModule["status"], blocked = false): StartupModule => ({
  name,
  path: `/srv/app/${name.replaceAll(".", "/")}.py`,
  status,
  reason: null,
  blocked,
});
const staticClosure: Startup = {
  origin: "service",
  entryPoints: ["webapp"],
  sysPath: ["/srv/app"],
  modules: [mod("webapp", "fresh"), mod("webapp.views", "missing"), mod("webapp.unused", "missing")],
  unresolved: [],
  unparsed: [],
  notes: [],
  truncated: null,
};
const observation = (hash: string): ObservationForHeadline => ({
  id: "obs1",
  configHash: hash,
  body: {
    startedAt: "2026-12-07T00:00:00.000Z",
    durationMs: 120,
    modules: [
      { name: "webapp", path: "/srv/app/webapp.py", loaded: "cache", blocked: false },
      { name: "webapp.views", path: "/srv/app/webapp/views.py", loaded: "compiled", blocked: true },
      { name: "webapp.plugin", path: "/srv/app/webapp/plugin.py", loaded: "compiled", blocked: false },
    ],
    staticMissed: ["webapp.plugin"],
    staticExtra: ["webapp.unused"],
    sources: {
      "/srv/app/webapp/__init__.py": { size: 10, mtime: MTIME },
      "/srv/app/webapp/views.py": { size: 20, mtime: MTIME },
    },
  },
});

test("the static diff names what static analysis missed and what it listed that never ran", () => {
  expect(staticDiff(staticClosure.modules, observation("h").body.modules)).toEqual({
    staticMissed: ["webapp.plugin"],
    staticExtra: ["webapp.unused"],
  });
});

test.each([
  { case: "same configuration, same sources", hash: "same", viewsMtime: MTIME, applies: true },
  { case: "another configuration", hash: "other", viewsMtime: MTIME, applies: false },
  { case: "an observed source edited since", hash: "same", viewsMtime: MTIME + 5, applies: false },
])("an observation applies to a snapshot with $case: $applies", ({ hash, viewsMtime, applies }) => {
  const inventory = inventoryWith(viewsMtime);
  const now = configHash(inventory);
  expect(observationApplies(observation(hash === "same" ? now : "0000"), inventory, now)).toBe(applies);
});

test("an observed source that is gone from the root makes the observation stale", () => {
  const inventory = inventoryWith();
  inventory.roots[0]!.sources = inventory.roots[0]!.sources.filter((s) => s.path !== "webapp/views.py");
  expect(observationApplies(observation(configHash(inventory)), inventory, configHash(inventory))).toBe(false);
});

test("the headline counts the observed modules: cache is fresh, blocked stays blocked, the static list is kept", () => {
  const startup = observedStartup(staticClosure, observation("h"));
  expect(startupOrigin(startup)).toBe("observed");
  expect(startupOrigin(staticClosure)).toBe("static");
  expect(startup.modules).toEqual(staticClosure.modules);
  expect(startup.observed?.modules.map((m) => [m.name, m.status, m.blocked])).toEqual([
    ["webapp", "fresh", false],
    ["webapp.views", "missing", true],
    ["webapp.plugin", "missing", false],
  ]);
  expect(startupCoverageOf(startup)).toMatchObject({ modules: 3, fresh: 1, blocked: 1 });
  expect(startupCoverageOf(staticClosure)).toMatchObject({ modules: 3, fresh: 1, blocked: 0 });
});

test.each([
  { source: "none" as const, identity: undefined, note: true },
  { source: "none" as const, identity: "host-setting" as const, note: false },
  { source: "systemctl" as const, identity: undefined, note: false },
  { source: "none" as const, identity: "collecting-user" as const, note: true },
])("identity note for service source $source, identity source $identity: $note", ({ source, identity, note }) => {
  const service = {
    source,
    identity: { user: "root", uid: 0, gid: 0, groups: [0], dacOverride: true, source: identity },
  };
  expect(identityNote(service) !== null).toBe(note);
});

test("a module static analysis missed takes the root walk's verdict now: cached since the observed start, fresh", () => {
  const inventory = inventoryWith();
  inventory.roots[0]!.sources.push({ ...inventory.roots[0]!.sources[0]!, path: "webapp/plugin.py", status: "fresh" });
  const judged = rootVerdicts(inventory, ["/srv/app/webapp/plugin.py", "/srv/app/webapp/views.py"]);
  expect([...judged.keys()].sort()).toEqual(["/srv/app/webapp/plugin.py", "/srv/app/webapp/views.py"]);
  const startup = observedStartup(staticClosure, observation("h"), judged);
  expect(startup.observed?.modules.find((m) => m.name === "webapp.plugin")).toMatchObject({
    status: "fresh",
    blocked: false,
  });
  expect(startupCoverageOf(startup)).toMatchObject({ modules: 3, fresh: 2, blocked: 1 });
});
