# Container mode (38_container.py): empty on a plain host. Set once the collector has entered a container's
# root: engine path, container id, the host root's descriptor, the image's accounts, the uid/gid maps and the
# host uids that stand for the container's root (trusted for running inside it).
CONTAINER = {}


def group_list(name, gid):
    """os.getgrouplist, from the image's files inside a container."""
    if CONTAINER:
        return CONTAINER["accounts"].grouplist(name, gid)
    return os.getgrouplist(name, gid)
