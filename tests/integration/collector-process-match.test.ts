import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { collectOk, testSpec } from "../support/fixtures/collect";
import { createDeployment, writeTree, type Deployment } from "../support/fixtures/deployment";
import { sleeperScript, startFakeService, type FakeService } from "../support/fixtures/fake-service";
import { writeUnit } from "../support/fixtures/unit-files";

// Without systemd the service's process is found by its command line. Any local user can start a
// process with the same command line; only one running as the unit's User= is the service.

const isRoot = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
let dep: Deployment | undefined;
const running: FakeService[] = [];

afterEach(async () => {
  for (const service of running.splice(0)) await service.stop();
  dep?.remove();
});

async function collectWith(as: { uid: number; gid: number }) {
  dep = createDeployment();
  writeTree(dep.app, { "server.py": sleeperScript });
  // /usr/bin/python3: the account nobody can run it (a pyenv interpreter under /root it cannot).
  const argv = ["/usr/bin/python3", path.join(dep.app, "server.py"), "--match-marker", path.basename(dep.root)];
  const unitFile = writeUnit(dep.units, "match.service", { User: "nobody", ExecStart: argv.join(" ") });
  const service = await startFakeService(argv, { PATH: "/usr/bin:/bin", FROM: "the-process" }, "/", as);
  running.push(service);
  const { inventory } = await collectOk(testSpec({ appRoots: [dep.app], service: "match.service", unitFile }));
  return { process: inventory.service.process, pid: service.pid };
}

test.skipIf(!isRoot)("a look-alike process of another user is not taken for the service", async () => {
  const { process } = await collectWith({ uid: 0, gid: 0 });
  expect(process).toBeNull();
});

test.skipIf(!isRoot)("the process running as the unit's User= is the service", async () => {
  const { process, pid } = await collectWith(NOBODY);
  expect(process).toMatchObject({ pid, uid: NOBODY.uid });
});
