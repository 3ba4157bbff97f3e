import type { SystemdBox } from "../systemd-box";

/** The package every box app ships: a server that imports its modules, tells systemd, then idles. */
const PACKAGE = "shop";
const MODULES = ["models", "views", "utils", "db", "config"];
const VENV = "/opt/venv";

export type BoxApp = {
  name: string;
  unit: string;
  /** The app root DeployLens is pointed at (WorkingDirectory=). */
  appRoot: string;
  python: string;
  /** What the service imports, as module names (the __main__ it runs is not importable). */
  imports: string[];
};

const MAIN = `import os, socket, time
from . import ${MODULES.join(", ")}

# Type=notify: systemctl start/restart returns once the imports are done.
address = os.environ.get("NOTIFY_SOCKET")
if address:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.connect("\\0" + address[1:] if address.startswith("@") else address)
    sock.sendall(b"READY=1")
while True:
    time.sleep(3600)
`;

/** One venv for every app of a box (the interpreter is not what these tests vary). */
export async function ensureVenv(box: SystemdBox): Promise<string> {
  await box.sh(`test -x ${VENV}/bin/python || python3 -m venv --without-pip ${VENV}`);
  return `${VENV}/bin/python`;
}

export type AppOptions = {
  /** [Service] lines after Type/WorkingDirectory/ExecStart, e.g. ["User=nobody"]. */
  service: string[];
  /** Owner of the tree (chown -R); root by default, as after a deploy by root. */
  owner?: string;
  /** Modules a root run compiled before the service ever started (the seed's three pycs). */
  precompiledByRoot?: string[];
  /** Write NAME@.service and run the instance NAME@INSTANCE.service. */
  instance?: string;
};

/** Writes /srv/NAME/app and NAME.service or the template NAME@.service (not started). */
export async function installApp(box: SystemdBox, name: string, options: AppOptions): Promise<BoxApp> {
  const python = await ensureVenv(box);
  const appRoot = `/srv/${name}/app`;
  const pkg = `${appRoot}/${PACKAGE}`;
  await box.writeFiles([
    { path: `${pkg}/__init__.py`, content: `# ${name}\n` },
    { path: `${pkg}/__main__.py`, content: MAIN },
    ...MODULES.map((m) => ({ path: `${pkg}/${m}.py`, content: `# ${m}\nVALUE = ${JSON.stringify(m)}\n` })),
  ]);
  const imports = [PACKAGE, ...MODULES.map((m) => `${PACKAGE}.${m}`)];
  if (options.precompiledByRoot?.length) {
    await box.sh(`cd ${appRoot} && ${python} -c 'import ${options.precompiledByRoot.join(", ")}'`);
  }
  await box.sh(`chmod -R u=rwX,go=rX /srv/${name} && chown -R ${options.owner ?? "root"}: /srv/${name}`);
  const unit = options.instance ? `${name}@${options.instance}.service` : `${name}.service`;
  await box.writeUnit(
    options.instance ? `${name}@.service` : unit,
    [
      "[Unit]",
      `Description=DeployLens test app ${name}`,
      "",
      "[Service]",
      "Type=notify",
      `WorkingDirectory=${appRoot}`,
      `ExecStart=${python} -m ${PACKAGE}`,
      ...options.service,
      "",
    ].join("\n"),
  );
  return { name, unit, appRoot, python, imports };
}

/** What the interpreter would compile, the check Python itself makes at import (python-bytecode.md §2). */
export type Verdict = { compiled: string[]; prefix: string | null; pid: number };

/**
 * The target interpreter's own verdict on the running service's cache: in the service's mount namespace,
 * with its environment and working directory, import its modules with a spy on the compiler. A module whose
 * pyc is fresh is loaded without compiling; -B keeps this check from writing anything itself.
 */
export async function interpreterVerdict(box: SystemdBox, app: BoxApp): Promise<Verdict> {
  const pid = Number((await box.show(app.unit, ["MainPID"])).MainPID);
  if (!pid) throw new Error(`${app.unit} is not running`);
  const script = `
import importlib, importlib._bootstrap_external as be, json, os, sys
raw = open("/proc/${pid}/environ", "rb").read().decode()
environ = dict(item.split("=", 1) for item in raw.split("\\0") if "=" in item)
if os.environ.get("VERDICT_CHILD") != "1":
    environ["VERDICT_CHILD"] = "1"
    os.chdir(os.readlink("/proc/${pid}/cwd"))
    python = ${JSON.stringify(app.python)}
    os.execve(python, [python, "-B", "-c", sys.argv[1]] + sys.argv[1:], environ)
compiled = []
real = be.SourceLoader.source_to_code
def spy(self, data, path, *args, **kwargs):
    compiled.append(path)
    return real(self, data, path, *args, **kwargs)
be.SourceLoader.source_to_code = spy
sys.path.insert(0, os.getcwd())
for name in sys.argv[2:]:
    importlib.import_module(name)
print(json.dumps({"compiled": sorted(p for p in compiled if p.startswith(os.getcwd())), "prefix": sys.pycache_prefix}))
`;
  const out = await box.exec(["nsenter", "-t", String(pid), "-m", "python3", "-c", script, script, ...app.imports]);
  if (out.code !== 0) throw new Error(`verdict for ${app.unit} failed: ${out.stderr}`);
  const parsed = JSON.parse(out.stdout) as { compiled: string[]; prefix: string | null };
  return { ...parsed, pid };
}
