import { expect, test } from "vitest";
import { verboseVerdicts } from "../support/real-apps/verbose-verdicts";

// The real-app tests' truth (tests/support/real-apps/verbose-verdicts.ts) reads the `-v` log that every process of
// a start writes to one pipe: a pyc written belongs to the source it is the cache of, whatever line came between.

const log = (lines: string[]) => lines.join("\n") + "\n";

test("a pyc created after another process's line still marks its module compiled and cached", () => {
  const verdicts = verboseVerdicts(
    log([
      "# code object from '/srv/app/proj/wsgi.py'",
      "# /usr/lib/python3/dist-packages/django/__pycache__/__init__.cpython-311.pyc matches /usr/lib/python3/dist-packages/django/__init__.py",
      "# created '/srv/app/proj/__pycache__/wsgi.cpython-311.pyc'",
      "import 'django' # <_frozen_importlib_external.SourceFileLoader object at 0x7f>",
      "import 'proj.wsgi' # <_frozen_importlib_external.SourceFileLoader object at 0x7f>",
    ]),
  );
  expect(verdicts.get("/srv/app/proj/wsgi.py")).toEqual({ name: "proj.wsgi", loaded: "compiled", blocked: false });
  expect(verdicts.get("/usr/lib/python3/dist-packages/django/__init__.py")).toEqual({
    name: "django",
    loaded: "cache",
    blocked: false,
  });
});

test("under a pycache prefix the pyc mirrors the source's directory; a pyc of another source leaves it blocked", () => {
  const verdicts = verboseVerdicts(
    log([
      "# code object from '/srv/app/polls/apps.py'",
      "# created '/var/cache/pyc/srv/app/polls/apps.cpython-311.pyc'",
      "# code object from '/srv/app/polls/models.py'",
      "# code object from '/srv/other/polls/models.py'",
      "# created '/var/cache/pyc/srv/other/polls/models.cpython-311.pyc'",
    ]),
  );
  expect(verdicts.get("/srv/app/polls/apps.py")?.blocked).toBe(false);
  expect(verdicts.get("/srv/app/polls/models.py")?.blocked).toBe(true);
  expect(verdicts.get("/srv/other/polls/models.py")?.blocked).toBe(false);
});
