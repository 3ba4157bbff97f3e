# Installed distributions of the service's environment, from the Name:/Version: headers of
# *.dist-info/METADATA and *.egg-info (read directly: nothing of the environment is imported).


def _headers(text):
    name = version = None
    for line in text.splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        if key == "Name":
            name = value.strip()
        elif key == "Version":
            version = value.strip()
    return name, version


def _metadata_file(site, entry):
    if entry.endswith(".dist-info"):
        return os.path.join(site, entry, "METADATA")
    if entry.endswith(".egg-info"):
        path = os.path.join(site, entry)
        return os.path.join(path, "PKG-INFO") if os.path.isdir(path) else path
    return None


def list_packages(site_dirs):
    found = set()
    for site in site_dirs:
        try:
            entries = sorted(os.listdir(site))
        except OSError:
            continue
        for entry in entries:
            meta = _metadata_file(site, entry)
            text = read_text(meta, 65536) if meta else None
            if text:
                name, version = _headers(text)
                if name and version:
                    found.add((name, version))
    ordered = sorted(found, key=lambda nv: (nv[0].lower(), nv[0], nv[1]))
    return [{"name": name, "version": version} for name, version in ordered]
