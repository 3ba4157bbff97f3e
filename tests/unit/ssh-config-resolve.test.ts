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
    jump: { user: "ops", host: "10.0.0.1", port: 2200 },
    jumpIdentityFile: "/home/me/.ssh/id_work", // the bastion's own (here the `Host *` default), as OpenSSH does
  });
  expect(resolveSshAlias("db", ctx)).toMatchObject({
    ssh: { user: "fallback", host: "10.0.0.9", port: 2201 },
    jump: null,
  });
});

test("each hop keeps its own IdentityFile", () => {
  const own = context({
    "/home/me/.ssh/config":
      "Host app\n  ProxyJump gate\n  IdentityFile ~/.ssh/app\nHost gate\n  IdentityFile ~/.ssh/gate\n",
  });
  expect(resolveSshAlias("app", own)).toMatchObject({
    identityFile: "/home/me/.ssh/app",
    jumpIdentityFile: "/home/me/.ssh/gate",
  });
});

test("a jump host that itself jumps, or a chain, is refused; so is an alias the file does not name", () => {
  expect(() => resolveSshAlias("deep", ctx)).toThrow(/one jump host/);
  const chain = context({ "/home/me/.ssh/config": "Host c\n  ProxyJump a,b\n" });
  expect(() => resolveSshAlias("c", chain)).toThrow(/jumps through 2 hosts/);
  expect(() => resolveSshAlias("nope", ctx)).toThrow(/or an alias from/);
});
