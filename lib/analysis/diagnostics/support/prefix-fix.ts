import { REDACTED } from "@/lib/snapshot/schema";
import type { FixStep } from "../../types";
import { applyStep } from "./apply-step";
import type { Facts } from "./facts";
import { parsePythonArgv } from "./python-argv";
import { accountName, cacheDirName, groupName, interpreterPath, optimizeFlag, supportsPrefix } from "./service-labels";
import { shellJoin } from "./shell-quote";
import { systemdManages } from "./systemd-manages";
import { systemdWord } from "./systemd-word";

/** Words of a python command line without any -X pycache_prefix option (it would beat ours). */
function withoutPrefixOption(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "-X" && words[i + 1]?.startsWith("pycache_prefix")) i++;
    else if (!word.startsWith("-Xpycache_prefix")) out.push(word);
  }
  return out;
}

/** The unit-file lines that move the service's bytecode into its own CacheDirectory (python-bytecode.md §7). */
function configureStep(f: Facts, name: string): FixStep {
  const unit = f.service.unit!;
  const cacheLine = f.service.cacheDirectory.includes(name) ? [] : [`CacheDirectory=${name}`];
  const parsed = parsePythonArgv(f.service.execStart);
  const argvDecides = f.interpreter?.ignoresEnvironment === true || parsed?.flags.pycachePrefix !== undefined;
  const intro = `Give the service its own writable bytecode cache: run \`systemctl edit ${unit}\` and add the lines below. systemd creates /var/cache/${name} owned by ${accountName(f)} at start, writable even under ProtectSystem=strict.`;
  if (!argvDecides) {
    return {
      text: `${intro} Write %C (or the literal /var/cache/${name}/pyc), not $CACHE_DIRECTORY: Environment= does not expand variables.`,
      code: ["[Service]", ...cacheLine, `Environment=PYTHONPYCACHEPREFIX=%C/${name}/pyc`].join("\n"),
    };
  }
  const why = f.interpreter?.ignoresEnvironment
    ? "The command line has -E/-I, so PYTHON* variables are ignored"
    : "ExecStart already sets -X pycache_prefix, which beats the variable";
  if (!parsed)
    return {
      text: `${intro} ${why}: start the interpreter with -X pycache_prefix=%C/${name}/pyc instead of the variable.`,
    };
  const argv = [parsed.interpreter, ...withoutPrefixOption(parsed.flagWords), "-X"].map(systemdWord);
  const execStart = [...argv, `pycache_prefix=%C/${name}/pyc`, ...parsed.rest.map(systemdWord)].join(" ");
  // Option values leave the host redacted: the line shown cannot carry them.
  const restore = parsed.rest.some((word) => word.includes(REDACTED))
    ? ` Put your own values back where it says ${REDACTED}.`
    : "";
  return {
    text: `${intro} ${why}, so set the prefix on the command line (the empty ExecStart= clears the old one).${restore}`,
    code: ["[Service]", ...cacheLine, "ExecStart=", `ExecStart=${execStart}`].join("\n"),
  };
}

/**
 * Directories of startup modules outside the walked roots (the standard library, PYTHONPATH): the prefix
 * redirects their pycs too, so a warm-up that skips them leaves the first start compiling them.
 */
function closureDirsOutside(f: Facts, roots: readonly string[]): string[] {
  const under = (dir: string) => roots.some((root) => dir === root || dir.startsWith(root.replace(/\/$/, "") + "/"));
  const dirs = (f.inventory.startup?.modules ?? []).map((m) => m.path.slice(0, m.path.lastIndexOf("/")) || "/");
  return [...new Set(dirs.filter((dir) => !under(dir)))].sort();
}

function warmStep(f: Facts, literal: string): FixStep {
  if (f.service.dynamicUser)
    return {
      text: "With DynamicUser=yes there is no fixed account to warm the cache as: the first start after the restart fills it.",
    };
  const roots = f.inventory.roots.filter((r) => r.exists).map((r) => r.path);
  const interp = [interpreterPath(f), ...(optimizeFlag(f) ? [optimizeFlag(f)!] : [])];
  const prefixArgs = f.interpreter?.ignoresEnvironment
    ? [...interp, "-X", `pycache_prefix=${literal}`]
    : ["env", `PYTHONPYCACHEPREFIX=${literal}`, ...interp];
  const compile = (args: string[]) =>
    shellJoin(["sudo", "-u", accountName(f), ...prefixArgs, "-m", "compileall", ...args]);
  const outside = closureDirsOutside(f, roots);
  const startup = f.inventory.startup;
  // What the first start then finds is stated exactly: the closure when it is known, else only the roots.
  const claim = !startup
    ? "so the first start finds the pycs of these roots (the standard library's it still compiles itself)"
    : `so the first start already finds a pyc for each of its ${startup.modules.length} startup modules` +
      (outside.length
        ? `: the roots, and the ${outside.length} other ${outside.length === 1 ? "directory" : "directories"} they load modules from (the standard library too, whose pycs the prefix also redirects), without their subdirectories (-l)`
        : "");
  return {
    text: `Optional, after the restart: warm the cache as ${accountName(f)} with the service's exact interpreter and -O level, ${claim}. Use the paths as the service imports them: the prefix keys on the unresolved path.`,
    code: [compile(["-q", ...roots]), ...(outside.length ? [compile(["-q", "-l", ...outside])] : [])].join("\n"),
  };
}

/** Steps that point PYTHONPYCACHEPREFIX at a directory the service owns, then apply and warm it. */
export function prefixFixSteps(f: Facts): FixStep[] {
  if (!supportsPrefix(f)) {
    return [
      {
        text: `Python ${f.interpreter?.version} predates PYTHONPYCACHEPREFIX (3.8+): upgrade the interpreter, or make the cache directories where the sources are writable or precompiled (below).`,
      },
    ];
  }
  const name = cacheDirName(f);
  const literal = `/var/cache/${name}/pyc`;
  const unit = f.service.unit;
  if (!unit || !systemdManages(f)) {
    return [
      {
        text: `Point PYTHONPYCACHEPREFIX at a directory ${accountName(f)} owns, in the environment the service starts with, then restart it.`,
        code: `${shellJoin(["install", "-d", "-o", accountName(f), "-g", groupName(f), "-m", "0755", literal])}\nPYTHONPYCACHEPREFIX=${shellJoin([literal])}`,
      },
      warmStep(f, literal),
    ];
  }
  return [configureStep(f, name), applyStep(f), warmStep(f, literal)];
}
