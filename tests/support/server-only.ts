// Stand-in for the "server-only" package outside Next (tests, CLI): importing it is allowed there.
export {};
