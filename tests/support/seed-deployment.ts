import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The modules of the seed's Flask-like app: enough to see "3 pycs where there should be many". */
const MODULES = [
  "__init__",
  "__main__",
  "app",
  "models",
  "views",
  "auth",
  "forms",
  "utils",
  "db",
  "config",
  "admin",
  "api",
];
/** The three a root run once compiled. */
const COMPILED_BY_ROOT = ["__init__", "app", "models"];
/** app.py imports every other module (so the service imports them all at start); __main__ serves app. */
const moduleText = (name: string) =>
  name === "app"
    ? `from lernmanager import ${MODULES.filter((m) => !["__init__", "__main__", "app"].includes(m)).join(", ")}\napp = object()\n`
    : name === "__main__"
      ? "from lernmanager.app import app\n"
      : `# ${name}\nVALUE = ${JSON.stringify(name)}\n`;
/** Beside the package: the WSGI module a server imports, and a management script the service never imports. */
const ROOT_FILES = {
  "wsgi.py": "from lernmanager.app import app\n",
  "manage.py": "import sys\nfrom lernmanager import admin\n",
};
const cleanEnv = () => {
  const env = { ...process.env };
  delete env.PYTHONDONTWRITEBYTECODE; // this machine sets it; here we mean to write bytecode
  delete env.PYTHONPYCACHEPREFIX;
  return env;
};

export type SeedDeployment = {
  base: string;
  appRoot: string;
  venvPython: string;
  unitFile: string;
  modules: string[];
  compiledByRoot: string[];
  prefixDir: string;
};

/**
 * The seed investigation: /opt/lernmanager owned by root, the service running as another
 * user (nobody), and only three modules ever compiled (by a root run). Must run as root.
 */
export function buildSeedDeployment(base: string): SeedDeployment {
  const appRoot = path.join(base, "opt", "lernmanager");
  const pkg = path.join(appRoot, "lernmanager");
  fs.mkdirSync(pkg, { recursive: true });
  for (const name of MODULES) fs.writeFileSync(path.join(pkg, `${name}.py`), moduleText(name));
  for (const [name, text] of Object.entries(ROOT_FILES)) fs.writeFileSync(path.join(appRoot, name), text);
  execFileSync("/usr/bin/python3", ["-m", "venv", "--without-pip", path.join(appRoot, "venv")], { env: cleanEnv() });
  const venvPython = path.join(appRoot, "venv", "bin", "python3");
  // A root run once compiled three modules: root-owned __pycache__, mode 0755.
  execFileSync(venvPython, ["-m", "py_compile", ...COMPILED_BY_ROOT.map((m) => `lernmanager/${m}.py`)], {
    cwd: appRoot,
    env: cleanEnv(),
  });
  fs.chmodSync(base, 0o755);
  execFileSync("chmod", ["-R", "u=rwX,go=rX", appRoot]);
  const unitFile = path.join(base, "lernmanager.service");
  fs.writeFileSync(
    unitFile,
    [
      "[Unit]",
      "Description=Lernmanager",
      "",
      "[Service]",
      "User=nobody",
      `WorkingDirectory=${appRoot}`,
      `ExecStart=${venvPython} -m lernmanager`,
      "Environment=SECRET_KEY=hunter2-do-not-leak",
      "",
    ].join("\n"),
  );
  const prefixDir = path.join(base, "var", "cache", "lernmanager", "pyc");
  return { base, appRoot, venvPython, unitFile, modules: MODULES, compiledByRoot: COMPILED_BY_ROOT, prefixDir };
}

/** The fix from the seed: a drop-in with PYTHONPYCACHEPREFIX, a cache dir the service owns, and a restart (which imports everything as the service user). */
export function applyPrefixFix(seed: SeedDeployment): void {
  fs.mkdirSync(`${seed.unitFile}.d`, { recursive: true });
  fs.writeFileSync(
    path.join(`${seed.unitFile}.d`, "pycache.conf"),
    `[Service]\nEnvironment="PYTHONPYCACHEPREFIX=${seed.prefixDir}"\n`,
  );
  fs.mkdirSync(seed.prefixDir, { recursive: true });
  execFileSync("chown", ["-R", "nobody:nogroup", path.join(seed.base, "var", "cache", "lernmanager")]);
  const imports = seed.modules
    .filter((m) => m !== "__main__")
    .map((m) => (m === "__init__" ? "lernmanager" : `lernmanager.${m}`));
  const asService = (args: string[]) =>
    execFileSync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", seed.venvPython, ...args], {
      cwd: seed.appRoot,
      env: { ...cleanEnv(), PYTHONPYCACHEPREFIX: seed.prefixDir },
    });
  asService(["-m", "lernmanager"]); // the restarted service itself
  asService(["-c", `import wsgi, ${imports.join(", ")}`]); // and the modules its requests import
}
