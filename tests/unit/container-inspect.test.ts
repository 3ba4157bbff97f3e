import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { callCollector } from "../support/python";

// How the collector reads `docker inspect` (a recorded document of a running gunicorn container) and the
// engines' own error words. Podman prints the same format; the real-Podman cases live in the integration tests.

const recorded = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../support/fixtures/docker-inspect.json"), "utf8"),
) as Record<string, unknown>[];
const doc = recorded[0]!;

const failures: [string, string][] = [
  [
    "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get " +
      '"http://%2Fvar%2Frun%2Fdocker.sock/v1.45/containers/web/json": dial unix /var/run/docker.sock: connect: permission denied',
    "container-engine-denied",
  ],
  ["Error: No such container: web", "container-not-found"],
  ["Error response from daemon: No such container: web", "container-not-found"],
  ["Error: inspecting object: no such container web", "container-not-found"],
  [
    "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?",
    "container-engine-missing",
  ],
  ["Error: something else entirely", "container-inspect-failed"],
];

const olderPodman = { ...doc, Config: { ...(doc.Config as object), Entrypoint: "/entry.sh", Cmd: null } };
const stopped = { ...doc, State: { Status: "exited", Running: false, Pid: 0 } };

const [facts, config, older, stoppedFacts, ...codes] = callCollector(collectorProgram(), [
  ["parse_inspect", [doc, "docker"]],
  ["container_config", [{ $call: ["parse_inspect", [doc, "docker"]] }]],
  ["parse_inspect", [olderPodman, "podman"]],
  ["parse_inspect", [stopped, "docker"]],
  ...failures.map(([text]) => ["inspect_failure_code", [text]] as [string, unknown[]]),
]) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, ...string[]];

test("docker inspect gives image, user, entry points, read-only rootfs, mounts, restart facts", () => {
  expect(facts).toMatchObject({
    engine: "docker",
    name: "shop-web",
    image: "shop:1.4",
    imageId: "sha256:9a3c1f0e7d6b5a4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c",
    running: true,
    pid: 48211,
    startedAt: "2026-12-01T06:02:19.550112874Z",
    restartCount: 3,
    restartPolicy: "unless-stopped",
    user: "10001:10001",
    workingDir: "/app",
    entrypoint: ["/opt/venv/bin/gunicorn"],
    cmd: ["-b", "0.0.0.0:8000", "shop.wsgi:application"],
    readonlyRootfs: true,
  });
  expect(facts.mounts).toEqual([
    { type: "bind", destination: "/app/media", source: "/srv/shop/media", readOnly: true, options: ["ro"] },
    {
      type: "volume",
      destination: "/var/lib/shop",
      source: "/var/lib/docker/volumes/shop-state/_data",
      readOnly: false,
      options: ["z"],
    },
    {
      type: "tmpfs",
      destination: "/tmp/pycache",
      source: null,
      readOnly: false,
      options: ["rw", "noexec", "nosuid", "size=64m"],
    },
  ]);
  expect(facts.environment).toMatchObject({ PYTHONDONTWRITEBYTECODE: "1", PYTHONPYCACHEPREFIX: "/tmp/pycache" });
});

test("the container becomes the service: Entrypoint + Cmd start it, Config.User splits into user and group", () => {
  expect(config).toMatchObject({
    unit: "shop-web",
    source: "container",
    mainPid: 48211,
    user: "10001",
    group: "10001",
    workingDirectory: "/app",
    execStart: ["/opt/venv/bin/gunicorn", "-b", "0.0.0.0:8000", "shop.wsgi:application"],
  });
});

test("an Entrypoint given as one string (older podman) is one word; a null Cmd adds none", () => {
  expect(older).toMatchObject({ entrypoint: ["/entry.sh"], cmd: [] });
});

test("a stopped container is not running and has no process", () => {
  expect(stoppedFacts).toMatchObject({ running: false, pid: 0, status: "exited" });
});

test.each(failures.map(([text, code], i) => [code, text, i] as const))(
  "the engine's words map to %s: %s",
  (code, _text, i) => {
    expect(codes[i]).toBe(code);
  },
);
