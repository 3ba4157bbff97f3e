/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and ssh2's optional crypto bindings must be required at run time, not bundled.
  serverExternalPackages: [
    "ssh2",
    "libsql",
    "@libsql/client",
    "@prisma/adapter-libsql",
    "pg",
    "@prisma/adapter-pg",
    "pg-boss",
  ],
  poweredByHeader: false,
  // Next gzips what asks for it; scripts/serve.mjs decides who may ask (scripts/compression.mjs).
  compress: true,
  // forbidden(): a page a role may not open answers 403 with its own forbidden.tsx (lib/auth/require-page-role.ts).
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole tree (app, lib and tests) as its own step; a build should not
  // fail a user's `npm start` over a test file.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
