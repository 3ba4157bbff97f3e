import { z } from "zod";

// Pages run under a Content-Security-Policy without 'unsafe-eval'. zod probes for eval with `new Function`
// to compile fast parsers; the browser reports that probe as a violation even though zod catches it. In
// the browser the schemas are small form checks, so zod runs without the probe there; the server keeps it.
if (typeof window !== "undefined") z.config({ jitless: true });
