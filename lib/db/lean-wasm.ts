// Imported for its effect, before Prisma's generated client (lib/db/client.ts).
//
// Prisma 7's query compiler is a 3 MB WebAssembly module. By default V8 compiles it quickly (Liftoff) and
// then again, in the background, with its optimising compiler. That second compile cost every CLI run
// about 70 MB of peak RSS and 0.7 s (`deploylens hosts list`: 176 MB and 1.58 s by default, 114 MB and
// 0.80 s with Liftoff only; `collect` of 100,000 sources: 267 MB → 197 MB), while a query plan is compiled
// once per query shape, so optimised code rarely pays back. The flag affects WebAssembly only; JavaScript
// is optimised as before. It must be set before the module is compiled, hence this file's place.
import v8 from "node:v8";

v8.setFlagsFromString("--liftoff-only");
