/** sshd_config for a private test server: loopback only, files in its temp dir, no PAM. */
export function sshdConfig(options: {
  dir: string;
  port: number;
  hostKeyPath: string;
  password: boolean;
  extra: string[];
}): string {
  const { dir, port, hostKeyPath, password, extra } = options;
  return [
    // sshd keeps the first value it reads for a keyword, so a test's own lines go first.
    ...extra,
    "ListenAddress 127.0.0.1",
    `Port ${port}`,
    `HostKey ${hostKeyPath}`,
    `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`,
    // The temp dir is owned by whoever runs the tests; StrictModes would reject it for other users.
    "StrictModes no",
    // Without PAM, sshd itself checks /etc/shadow, so a password set by chpasswd works.
    "UsePAM no",
    "PubkeyAuthentication yes",
    `PasswordAuthentication ${password ? "yes" : "no"}`,
    "KbdInteractiveAuthentication no",
    "PermitRootLogin prohibit-password",
    // The jump-host tests need direct-tcpip channels.
    "AllowTcpForwarding yes",
    "X11Forwarding no",
    "PrintMotd no",
    "PrintLastLog no",
    "MaxStartups 64",
    "LogLevel VERBOSE",
    // bash sources ~/.bashrc for every command sshd runs (it detects sshd), and a developer's or CI image's
    // ~/.bashrc may be slow interactive setup: `pyenv init` here costs 1-5 s per exec. With SHLVL=1 the
    // session's bash counts itself nested and skips it, as a VPS's guarded .bashrc returns at once for a
    // non-interactive shell; the session keeps sshd's default PATH.
    "SetEnv SHLVL=1",
    "",
  ].join("\n");
}
