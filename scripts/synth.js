// `npm run synth` / `cdktf synth`: bundle the TypeScript app with esbuild (no type-check:
// `npm test` and `npm run build` do that) and run it in this process. Packages stay
// external and load from node_modules by deep path; only the project's own code is bundled.
// No source maps: enabling them makes node parse every dependency's map (+0.3 s).
const { buildSync } = require("esbuild");
const { mkdirSync, rmSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const cacheDir = join(root, "node_modules", ".cache", "synth");
// One file per process: parallel synths (tests, CI) never read each other's half-written bundle.
const outfile = join(cacheDir, `main-${process.pid}.js`);
const { outputFiles } = buildSync({
  entryPoints: [join(root, "main.ts")],
  outfile,
  write: false,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  logLevel: "warning",
});
mkdirSync(cacheDir, { recursive: true });
writeFileSync(outfile, outputFiles[0].contents);
try {
  require(outfile);
} finally {
  rmSync(outfile, { force: true });
}
