export {};

/**
 * npm run bench -- <name> [--json]
 * Speed is measured here, never asserted in tests: each bench prints its figures next to a
 * baseline run in the same process.
 */
const benches: Record<string, () => Promise<(args: string[]) => Promise<void>>> = {
  extract: async () => (await import("./extract")).benchExtract,
  import: async () => (await import("./import")).benchImport,
  render: async () => (await import("./render")).benchRender,
  export: async () => (await import("./export")).benchExport,
};

const [benchName, ...args] = process.argv.slice(2);
const names = benchName ? [benchName] : Object.keys(benches);
for (const n of names) {
  const load = benches[n];
  if (!load) {
    console.error(`Unknown bench "${n}". Available: ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
  await (await load())(args);
}
process.exit(0);
