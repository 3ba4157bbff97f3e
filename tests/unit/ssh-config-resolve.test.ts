import { expect, test } from "vitest";
import { listSshAliases, resolveSshAlias, type ResolveContext } from "@/lib/hosts/ssh-config-resolve";

function context(files: Record<string, string>): ResolveContext {
  return {
    configFile: "/home/me/.ssh/config",
    home: "/home/me",
    localUser: "me",
    readFile: (file) => files[file] ?? null,
    listDir: (dir) =>
      Object.keys(files)
        .filter((f) => f.startsWith(`${dir}/`))
        .map((f) => f.slice(dir.length + 1)),
  };
}

const main = [
  "Include conf.d/*.conf",
  "Host web",
  "  HostName %h.internal",
  "  User deploy",
  "  ProxyJump ops@bastion:2200",
  "Host bastion",
  "  HostName 10.0.0.1",
  "  Port 2222",
  "Host deep",
  "  ProxyJump web",
  "Host *",
  "  IdentityFile ~/.ssh/id_work",
  "  User fallback",
].join("\n");
const ctx = context({
  "/home/me/.ssh/config": main,
  "/home/me/.ssh/conf.d/db.conf": "Host db\n  HostName 10.0.0.9\n  Port 2201\n",
});

test("aliases come from Host lines, Included files first where the Include stands", () => {
  expect(listSshAliases(ctx)).toEqual(["db", "web", "bastion", "deep"]);
});

test("first value wins, %h and ~ expand, and a ProxyJump hop's own block fills what the hop leaves out", () => {
  expect(resolveSshAlias("web", ctx)).toEqual({
    alias: "web",
    ssh: { user: "deploy", host: "web.internal", port: 22 },
    identityFile: "/home/me/.ssh/id_work",
    // The bastion's own IdentityFile (here the `Host *` default), as OpenSSH does.
    jumps: [{ user: "ops", host: "10.0.0.1", port: 2200, identityFile: "/home/me/.ssh/id_work" }],
  });
  expect(resolveSshAlias("db", ctx)).toMatchObject({
    ssh: { user: "fallback", host: "10.0.0.9", port: 2201 },
    jumps: [],
  });
});

test("each hop keeps its own IdentityFile", () => {
  const own = context({
    "/home/me/.ssh/config":
      "Host app\n  ProxyJump gate\n  IdentityFile ~/.ssh/app\nHost gate\n  IdentityFile ~/.ssh/gate\n",
  });
  expect(resolveSshAlias("app", own)).toMatchObject({
    identityFile: "/home/me/.ssh/app",
    jumps: [{ identityFile: "/home/me/.ssh/gate" }],
  });
});

const hops = (alias: string, c: ResolveContext) =>
  resolveSshAlias(alias, c).jumps.map((h) => `${h.user}@${h.host}:${h.port} ${h.identityFile ?? "agent"}`);

test("a jump host that itself jumps is reached through its own ProxyJump first, recursively", () => {
  // deep → web (ProxyJump ops@bastion:2200): bastion is dialled first, web through it, deep through web.
  expect(hops("deep", ctx)).toEqual([
    "ops@10.0.0.1:2200 /home/me/.ssh/id_work",
    "deploy@web.internal:22 /home/me/.ssh/id_work",
  ]);
});

const chains = context({
  "/home/me/.ssh/config": [
    "Host target",
    "  HostName 10.9.0.5",
    "  ProxyJump b2",
    "Host listed",
    "  HostName 10.9.0.6",
    "  ProxyJump b1,root@b2:2022",
    "Host b2",
    "  HostName 10.9.0.2",
    "  User two",
    "  IdentityFile ~/.ssh/b2",
    "  ProxyJump b1",
    "Host b1",
    "  HostName 10.9.0.1",
    "  User one",
    "  IdentityFile ~/.ssh/b1",
    "Host loop-a",
    "  ProxyJump loop-b",
    "Host loop-b",
    "  ProxyJump loop-a",
    "Host self",
    "  ProxyJump self",
    "Host none",
    "  ProxyJump none",
    "Host long",
    "  ProxyJump h1,h2,h3,h4,h5,h6,h7,h8,h9",
  ].join("\n"),
});

test("ProxyJump lists and a hop's own ProxyJump resolve to every hop, each with its own user, port and key", () => {
  expect(hops("target", chains)).toEqual(["one@10.9.0.1:22 /home/me/.ssh/b1", "two@10.9.0.2:22 /home/me/.ssh/b2"]);
  // In a list, `[user@]host[:port]` overrides the hop's block, and only the first hop's own ProxyJump counts
  // (OpenSSH runs `ssh -J b1 -W … b2`, so b2's ProxyJump b1 is not followed twice).
  expect(hops("listed", chains)).toEqual(["one@10.9.0.1:22 /home/me/.ssh/b1", "root@10.9.0.2:2022 /home/me/.ssh/b2"]);
  expect(hops("none", chains)).toEqual([]);
});

test("a ProxyJump loop and a chain beyond the hop limit are refused; so is an alias the file does not name", () => {
  expect(() => resolveSshAlias("loop-a", chains)).toThrow(/ProxyJump loops: loop-a → loop-b → loop-a/);
  expect(() => resolveSshAlias("self", chains)).toThrow(/ProxyJump loops: self → self/);
  expect(() => resolveSshAlias("long", chains)).toThrow(/more than 8 hosts/);
  expect(() => resolveSshAlias("nope", ctx)).toThrow(/or an alias from/);
});
