# Arms, says so, records the next start, answers.


def observe_main():
    inotify = None
    try:
        spec = read_spec(OBSERVE_SPEC)
        layout = Layout(spec)
        inotify = Inotify()
        emit({"type": "armed", "directories": arm(inotify, layout)})
        records, first, last, timed_out = record_start(inotify, layout, spec["timeoutSeconds"], spec["quietSeconds"])
        overflowed = inotify.overflowed
        inotify.close()
        inotify = None
        if overflowed:
            # The kernel dropped events (its queue filled): some verdicts would be guesses.
            raise ObserveError("events-lost", "the inotify queue overflowed during the start; observe again")
        if first is None:
            raise ObserveError("no-start", "no module was imported in the watched directories within %d s"
                               % spec["timeoutSeconds"])
        emit({"type": "observation", "startedAt": first, "durationMs": int(round((last - first) * 1000)),
              "timedOut": timed_out, "modules": modules_of(layout, records, first)})
        return 0
    except ObserveError as e:
        emit({"type": "error", "code": e.code, "message": str(e)[:500]})
    except Exception as e:
        emit({"type": "error", "code": "observe-failed", "message": "%s: %s" % (type(e).__name__, str(e)[:300])})
    finally:
        if inotify is not None:
            inotify.close()
    return 1


if __name__ == "__main__":
    sys.exit(observe_main())
