# The observer (its program on stdin) with one delay forced where a busy machine can put one: between the
# fanotify mark and the inotify watch on a pyc directory the start creates, the service writes a pyc there.
#
#   python3 observe-late-watch.py PYC_DIR MODULE SERVICE_ARGV...
#
# SERVICE_ARGV is a service that imports, for each line on its stdin, the module the line names, then answers
# "imported NAME". It imports `first` once the watches are armed (its pyc write creates PYC_DIR); it imports
# MODULE when the observer, having marked PYC_DIR for fanotify, is about to add its inotify watch. It stays up
# until the observation is over (fanotify asks a running process for its user). Prints the observer's lines.
import subprocess
import sys

pyc_dir, module, service_argv = sys.argv[1], sys.argv[2], sys.argv[3:]
observer = {"__name__": "observer"}
exec(compile(sys.stdin.read(), "observer", "exec"), observer)
service = subprocess.Popen(service_argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, universal_newlines=True)


def service_imports(name):
    service.stdin.write(name + "\n")
    service.stdin.flush()
    answer = service.stdout.readline().strip()
    if answer != "imported " + name:
        raise RuntimeError("the service did not import %s: %r" % (name, answer))


emit = observer["emit"]


def emit_and_start(event):
    emit(event)
    if event["type"] == "armed":
        service_imports("first")


inotify_watch = observer["Inotify"].watch
late = [module]


def watch_late(self, path):
    if path == pyc_dir and late:
        service_imports(late.pop())
    return inotify_watch(self, path)


observer["emit"] = emit_and_start
observer["Inotify"].watch = watch_late
try:
    code = observer["observe_main"]()
finally:
    service.stdin.close()
    service.wait()
sys.exit(code)
