# Arms, says so, records the next start, answers.


def observe_main():
    watches = None
    try:
        spec = read_spec(OBSERVE_SPEC)
        layout = Layout(spec)
        watches = Watches(spec.get("serviceUid"), spec.get("serviceUnit"))
        emit({"type": "armed", "directories": watches.arm(layout)})
        records, first, last, timed_out = record_start(watches, layout, spec["timeoutSeconds"], spec["quietSeconds"])
        overflowed = watches.overflowed
        attribution = watches.attribution
        watches.close()
        watches = None
        if overflowed:
            # The kernel dropped events (its queue filled): some verdicts would be guesses.
            raise ObserveError("events-lost", "the event queue overflowed during the start; observe again")
        if first is None:
            service = spec.get("serviceUnit") if attribution == "unit" else "the service"
            raise ObserveError("no-start", "no start of %s (imports reaching its app roots) within %d s"
                               % (service, spec["timeoutSeconds"]))
        emit({"type": "observation", "startedAt": first, "durationMs": int(round((last - first) * 1000)),
              "timedOut": timed_out, "attribution": attribution,
              "modules": modules_of(layout, records, first)})
        return 0
    except ObserveError as e:
        emit({"type": "error", "code": e.code, "message": str(e)[:500]})
    except Exception as e:
        emit({"type": "error", "code": "observe-failed", "message": "%s: %s" % (type(e).__name__, str(e)[:300])})
    finally:
        if watches is not None:
            watches.close()
    return 1


if __name__ == "__main__":
    sys.exit(observe_main())
