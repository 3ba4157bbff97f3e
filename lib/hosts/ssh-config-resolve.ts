import path from "node:path";
import SSHConfig from "ssh-config";
import { ValidationError } from "@/lib/errors";
import { MAX_JUMP_HOPS } from "./host-input";
import { expandIncludes, type ConfigFiles } from "./ssh-config-text";

export type ResolvedEndpoint = { user: string; host: string; port: number };
/** A jump host: where, and the IdentityFile its own block gives it (null = the ssh-agent). */
export type ResolvedHop = ResolvedEndpoint & { identityFile: string | null };
export type ResolvedAlias = {
  alias: string;
  ssh: ResolvedEndpoint;
  identityFile: string | null;
  /** ProxyJump resolved to every hop, in connection order (the first is dialled directly); [] = none. */
  jumps: ResolvedHop[];
};
export type ResolveContext = ConfigFiles & { configFile: string; localUser: string };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function parse(ctx: ResolveContext): SSHConfig {
  return SSHConfig.parse(expandIncludes(ctx.configFile, ctx));
}

/** The aliases a config names explicitly (Host patterns without wildcards or negation), in file order. */
export function listSshAliases(ctx: ResolveContext): string[] {
  const names = new Set<string>();
  for (const line of parse(ctx)) {
    if (line.type !== SSHConfig.DIRECTIVE || line.param.toLowerCase() !== "host") continue;
    const values = Array.isArray(line.value) ? line.value.map((v) => v.val) : String(line.value).split(/\s+/);
    for (const name of values) if (name && !/[*?!]/.test(name)) names.add(name);
  }
  return [...names];
}

/** `%h`, `%%`, `~` in HostName and IdentityFile, the tokens that matter for a saved host. */
function expand(value: string, alias: string, ctx: ResolveContext, user: string): string {
  const tokens: Record<string, string> = { "%": "%", h: alias, n: alias, u: ctx.localUser, r: user, d: ctx.home };
  const replaced = value.replace(/%(.)/g, (whole, token: string) => tokens[token] ?? whole);
  return replaced.startsWith("~/") ? path.join(ctx.home, replaced.slice(2)) : replaced;
}

function endpoint(alias: string, config: SSHConfig, ctx: ResolveContext) {
  const c = config.compute(alias, { ignoreCase: true, matchExec: false });
  const user = first(c.user) ?? ctx.localUser;
  const port = Number(first(c.port) ?? 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ValidationError(`ssh_config: ${alias} has an invalid Port`);
  const identity = first(c.identityfile);
  return {
    endpoint: { user, host: expand(first(c.hostname) ?? alias, alias, ctx, user), port },
    identityFile: identity && identity.toLowerCase() !== "none" ? expand(identity, alias, ctx, user) : null,
    proxyJump: first(c.proxyjump) ?? null,
  };
}

const proxyJumpOf = (value: string | null) => (value && value.toLowerCase() !== "none" ? value : null);

/** A ProxyJump hop: [ssh://][user@]host[:port] or another alias of the same file. */
function hop(spec: string, config: SSHConfig, ctx: ResolveContext) {
  const match = /^(?:ssh:\/\/)?(?:([^@\s]+)@)?(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(spec);
  if (!match) throw new ValidationError(`ssh_config: cannot read ProxyJump ${JSON.stringify(spec)}`);
  const [, user, host = "", port] = match;
  const name = host.replace(/^\[|\]$/g, "");
  const resolved = endpoint(name, config, ctx);
  return {
    name,
    proxyJump: proxyJumpOf(resolved.proxyJump),
    hop: {
      ...resolved.endpoint,
      user: user ?? resolved.endpoint.user,
      port: port ? Number(port) : resolved.endpoint.port,
      identityFile: resolved.identityFile,
    },
  };
}

/**
 * A ProxyJump value as OpenSSH runs it: `ProxyJump a,b` is `ssh -J a -W … b`, so b's own ProxyJump is
 * overridden while a, the first, is reached through its own ProxyJump (recursively). `path` holds the
 * aliases being resolved, to refuse a loop instead of following it forever.
 */
function chain(value: string, config: SSHConfig, ctx: ResolveContext, path: string[]): ResolvedHop[] {
  const hops = value.split(",").map((spec) => hop(spec.trim(), config, ctx));
  const head = hops[0]!;
  if (path.includes(head.name)) {
    throw new ValidationError(`ssh_config: ProxyJump loops: ${[...path, head.name].join(" → ")}`);
  }
  const before = head.proxyJump ? chain(head.proxyJump, config, ctx, [...path, head.name]) : [];
  const all = [...before, ...hops.map((h) => h.hop)];
  if (all.length > MAX_JUMP_HOPS) {
    throw new ValidationError(`ssh_config: ${path[0]} jumps through more than ${MAX_JUMP_HOPS} hosts`);
  }
  return all;
}

/**
 * Resolves an alias as OpenSSH would (first value wins, Host patterns, Include, ProxyJump chains) into the
 * fields of a saved host. Pure: files come through `ctx`, so it runs once at `hosts add` time.
 */
export function resolveSshAlias(alias: string, ctx: ResolveContext): ResolvedAlias {
  const config = parse(ctx);
  if (!listSshAliases(ctx).includes(alias)) {
    throw new ValidationError(
      `expected USER@HOST[:PORT] or an alias from ${ctx.configFile}, got ${JSON.stringify(alias)}`,
    );
  }
  const target = endpoint(alias, config, ctx);
  const proxyJump = proxyJumpOf(target.proxyJump);
  // As with OpenSSH, each hop logs in with the IdentityFile its own block (or a `Host *` default) gives it.
  return {
    alias,
    ssh: target.endpoint,
    identityFile: target.identityFile,
    jumps: proxyJump ? chain(proxyJump, config, ctx, [alias]) : [],
  };
}
