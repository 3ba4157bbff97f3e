import { beforeAll, expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { ENV_ALLOWLIST } from "@/lib/collector/spec";
import { REDACTED as R } from "@/lib/snapshot/schema";
import { callCollector, collectorCall } from "../support/python";

// What of a command line may leave the target (lib/collector/python/36_argv_redaction.py): the
// interpreter and its options, -m MODULE, the script, app specs, harmless options' values and
// positional words stay; option values, KEY=VALUE values, -c code and URL passwords do not.

const PY = "/srv/venv/bin/python3";
const cases: [string, string[], string[]][] = [
  [
    "interpreter options, -X pycache_prefix and the script stay",
    [PY, "-O", "-B", "-X", "pycache_prefix=/var/cache/a", "-Xdev", "app.py"],
    [PY, "-O", "-B", "-X", "pycache_prefix=/var/cache/a", "-Xdev", "app.py"],
  ],
  [
    "--check-hash-based-pycs and -W keep their values",
    [PY, "--check-hash-based-pycs", "always", "-W", "ignore", "-m", "web"],
    [PY, "--check-hash-based-pycs", "always", "-W", "ignore", "-m", "web"],
  ],
  [
    "-m MODULE stays, the module's option values do not",
    [PY, "-m", "gunicorn", "--workers", "4", "--token", "abc", "pkg.wsgi:app"],
    [PY, "-m", "gunicorn", "--workers", "4", "--token", R, "pkg.wsgi:app"],
  ],
  [
    "values after = are redacted unless the option is harmless",
    [PY, "app.py", "--db=postgresql://lm:secret@db/lm", "--bind=0.0.0.0:8000"],
    [PY, "app.py", `--db=${R}`, "--bind=0.0.0.0:8000"],
  ],
  ["-c's code is the program: redacted", [PY, "-c", "import x; x.run('s3cret')", "arg"], [PY, "-c", R, "arg"]],
  ["-c joined to its code", [PY, "-Oc", "print('s3cret')"], [PY, "-Oc", R]],
  [
    "a console script: harmless short options keep values, others not",
    ["/srv/venv/bin/gunicorn", "-w", "4", "-b", "127.0.0.1:80", "-e", "KEY=v", "-pXYZ", "app:app"],
    ["/srv/venv/bin/gunicorn", "-w", "4", "-b", "127.0.0.1:80", "-e", R, `-p${R}`, "app:app"],
  ],
  [
    "a flag before the app spec does not redact it",
    ["/srv/venv/bin/uvicorn", "--reload", "main:app", "--port", "8000"],
    ["/srv/venv/bin/uvicorn", "--reload", "main:app", "--port", "8000"],
  ],
  [
    "positional words stay; KEY=VALUE words keep only allowlisted values",
    ["/srv/manage.py", "runserver", "0.0.0.0:8000", "SECRET=x", "PYTHONOPTIMIZE=2"],
    ["/srv/manage.py", "runserver", "0.0.0.0:8000", `SECRET=${R}`, "PYTHONOPTIMIZE=2"],
  ],
  [
    "a URL password anywhere, and a bare token in userinfo",
    ["/bin/app", "postgresql://lm:secret@db/lm", "https://ghp_token@github.com/x"],
    ["/bin/app", `postgresql://lm:${R}@db/lm`, `https://${R}@github.com/x`],
  ],
  [
    "env: assignments by the allowlist, then the command's own rules",
    ["/usr/bin/env", "-i", "TOKEN=abc", "PYTHONOPTIMIZE=1", PY, "-O", "app.py", "--key", "k"],
    ["/usr/bin/env", "-i", `TOKEN=${R}`, "PYTHONOPTIMIZE=1", PY, "-O", "app.py", "--key", R],
  ],
  ["sh -c's command string is redacted", ["/bin/sh", "-c", "exec app --token abc"], ["/bin/sh", "-c", R]],
  ["after -- everything is positional", [PY, "app.py", "--", "-x", "y"], [PY, "app.py", "--", "-x", "y"]],
];

const configured = ["/srv/venv/bin/gunicorn", "--bind", "unix:/run/a.sock", "--secret-key", "k", "web:app"];
const env = { PYTHONPATH: "/srv/lib", PYTHON_DB_PASSWORD: "pw", PYTHONSECRET: "s", LC_ALL: "C.UTF-8", LC_SECRET: "s" };

// One interpreter for every call (the tests only compare).
let results: unknown[] = [];
let extra: unknown[] = [];
beforeAll(() => {
  const allowed = collectorCall("env_matcher", [ENV_ALLOWLIST]);
  const all = callCollector(collectorProgram(), [
    ...cases.map(([, argv]): [string, unknown[]] => ["redact_argv", [argv, allowed]]),
    ["redact_argv", [configured, allowed]],
    ["redact_argv", [[PY, ...configured], allowed]],
    ["redact", [env, allowed]],
  ]);
  results = all.slice(0, cases.length);
  extra = all.slice(cases.length);
}, 60_000); // one real interpreter: seconds on a loaded machine

test.each(cases.map((c, i) => [c[0], i] as const))("%s", (_, i) => {
  expect(results[i]).toEqual(cases[i]![2]);
});

test("a live argv behind a shebang redacts its tail exactly like ExecStart=", () => {
  const [a, b] = extra as [string[], string[]];
  expect(b.slice(1)).toEqual(a);
  expect(a).toContain(R);
});

test("the allowlist holds exact names: PYTHON_DB_PASSWORD and LC_SECRET are redacted", () => {
  expect(extra[2]).toEqual({
    PYTHONPATH: "/srv/lib",
    PYTHON_DB_PASSWORD: R,
    PYTHONSECRET: R,
    LC_ALL: "C.UTF-8",
    LC_SECRET: R,
  });
});
