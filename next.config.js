/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and ssh2's optional crypto bindings must be required at run time, not bundled.
  serverExternalPackages: ["ssh2", "better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
