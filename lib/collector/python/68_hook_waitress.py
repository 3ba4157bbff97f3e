# waitress: serve() binds its listeners by host name, and the socket module encodes a host name with the
# "idna" codec, which the codec registry imports (encodings.idna) at that moment.
_SERVES = ("waitress.serve", "waitress.runner.run", "waitress.server.create_server")


def _serve(walker, call, scope):
    walker.closure.add("encodings.idna", required=False)
    return True


register_hook(calls=dict((name, _serve) for name in _SERVES))
