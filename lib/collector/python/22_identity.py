# Who the service runs as (python-bytecode.md §7): User= (unset = root) with the group database's supplementary
# groups plus SupplementaryGroups=; DynamicUser= gets a transient UID that owns no file on disk, so
# every permission check uses the "other" class. CAP_DAC_OVERRIDE: root, unless the live process
# lacks bit 1 of CapEff or CapabilityBoundingSet= drops it.

DYNAMIC_UID = 61184
DYNAMIC_UID_MIN, DYNAMIC_UID_MAX = 61184, 65519  # systemd's dynamic range (docs/UIDS-GIDS.md)
CAP_DAC_OVERRIDE_BIT = 1 << 1


def _uid_of(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        if name.isdigit():
            try:
                return pwd.getpwuid(int(name))
            except KeyError:
                return None
    return None


def _gid_of(name):
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        return int(name) if name.isdigit() else None


def _bounding_keeps_dac(value):
    if value is None:
        return True
    inverted = value.startswith("~")
    names = set(value.lstrip("~").split())
    return ("CAP_DAC_OVERRIDE" in names) != inverted


def _own_identity():
    uid = os.geteuid()
    try:
        name = pwd.getpwuid(uid).pw_name
    except KeyError:
        name = str(uid)
    status = read_text("/proc/self/status") or ""
    match = re.search(r"^CapEff:\s*([0-9a-fA-F]+)$", status, re.M)
    dac = uid == 0 and (match is None or bool(int(match.group(1), 16) & CAP_DAC_OVERRIDE_BIT))
    groups = set(os.getgroups()) | {os.getegid()}
    return {"user": name, "uid": uid, "gid": os.getegid(), "groups": sorted(groups), "dacOverride": dac}


def _extra_groups(config):
    return set(g for g in (_gid_of(n) for n in config["supplementaryGroups"]) if g is not None)


def _named_identity(name):
    """The host's --user without a unit: that user with its group database groups, as `runuser -u` starts it."""
    pw = _uid_of(name)
    if pw is None:
        raise CollectorError("unknown-user", "the host's user %r does not exist on the target" % name)
    groups = set(os.getgrouplist(pw.pw_name, pw.pw_gid)) | {pw.pw_gid}
    return {"user": pw.pw_name, "uid": pw.pw_uid, "gid": pw.pw_gid, "groups": sorted(groups),
            "dacOverride": pw.pw_uid == 0, "anonymous": False, "source": "host-setting"}


def service_identity(config, process, user=None):
    """The identity permission checks use, as the inventory's identity dict plus an "anonymous" flag
    (internal: a DynamicUser without a live process matches no file owner). Without a unit: the host's
    --user when it names one, else the collecting user (the snapshot then says so)."""
    if config is None:
        if user:
            return _named_identity(user)
        ident = _own_identity()
        ident["anonymous"] = False
        ident["source"] = "collecting-user"
        return ident
    live = process is not None and process.get("uid") is not None
    if config["dynamicUser"]:
        uid = process["uid"] if live else DYNAMIC_UID
        gid = process["gid"] if live else DYNAMIC_UID
        name = config["user"] or config["unit"].rpartition(".")[0]
        groups = {gid} | _extra_groups(config)
        return {"user": name, "uid": uid, "gid": gid, "groups": sorted(groups), "dacOverride": False,
                "anonymous": not live, "source": "unit"}
    name = config["user"] or "root"
    pw = _uid_of(name)
    if pw is None:
        # systemd refuses to start a service whose user does not exist; nothing on disk is its own.
        return {"user": name, "uid": -1, "gid": -1, "groups": [], "dacOverride": False, "anonymous": True,
                "source": "unit"}
    gid = _gid_of(config["group"]) if config["group"] else pw.pw_gid
    gid = pw.pw_gid if gid is None else gid
    groups = set(group_list(pw.pw_name, gid)) | {gid} | _extra_groups(config)
    dac = pw.pw_uid == 0 and _bounding_keeps_dac(config["capabilityBoundingSet"])
    if live and process["uid"] == pw.pw_uid and process.get("capEff"):
        dac = pw.pw_uid == 0 and bool(int(process["capEff"], 16) & CAP_DAC_OVERRIDE_BIT)
    return {"user": pw.pw_name, "uid": pw.pw_uid, "gid": gid, "groups": sorted(groups), "dacOverride": dac,
            "anonymous": False, "source": "unit"}


def public_identity(ident):
    return dict((k, ident[k]) for k in ("user", "uid", "gid", "groups", "dacOverride", "source"))
