// `npm run synth` / `cdktf synth`: bundle the TypeScript app with esbuild (no type-check:
// `npm test` and `npm run build` do that) and run it in this process. Packages stay
// external and load from node_modules by deep path; only the project's own code is bundled.
// No source maps: enabling them makes node parse every dependency's map (+0.3 s).
//
// The bundle is reused while no source changed: `.synth-cache/inputs.json` lists the files
// esbuild read for the last bundle; the hash of their contents (a few ms) names the bundle
// `.synth-cache/main-<hash>.js`. Any change to a source, including a new import (which
// changes the importing file), gives a new hash and a fresh bundle; esbuild itself is then
// loaded only when it has work to do (about 0.1 s per bundle on 2 cores).
// SYNTH_UNOPTIMIZED=1 bundles afresh and skips every speed-up (the equivalence test's baseline).
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const cacheDir = join(root, ".synth-cache");
const manifestFile = join(cacheDir, "inputs.json");
const unoptimized = process.env.SYNTH_UNOPTIMIZED === "1";
const buildOptions = {
  absWorkingDir: root,
  entryPoints: ["main.ts"],
  write: false,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  logLevel: "warning",
};

/** Hash of the bundle options, node's version, and every input's path and content; undefined if an input is gone. */
function hashInputs(inputs) {
  const hash = createHash("sha256").update(JSON.stringify({ buildOptions, node: process.version }));
  for (const file of inputs) {
    let content;
    try {
      content = readFileSync(join(root, file));
    } catch {
      return undefined;
    }
    hash.update(`\0${file}\0${content.length}\0`).update(content);
  }
  return hash.digest("hex").slice(0, 20);
}

/** Write atomically: parallel synths (tests, CI) never read each other's half-written file. */
function writeAtomic(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

function cachedBundle() {
  try {
    const { inputs } = JSON.parse(readFileSync(manifestFile, "utf8"));
    const key = hashInputs(inputs);
    const file = key && join(cacheDir, `main-${key}.js`);
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function bundle() {
  const { buildSync } = require("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(cacheDir, unoptimized ? `fresh-${process.pid}.js` : "main.js");
  const { outputFiles, metafile } = buildSync({ ...buildOptions, outfile, metafile: true });
  if (unoptimized) {
    writeFileSync(outfile, outputFiles[0].contents);
    return outfile;
  }
  const inputs = Object.keys(metafile.inputs).sort();
  const key = hashInputs(inputs);
  const file = join(cacheDir, `main-${key}.js`);
  writeAtomic(file, outputFiles[0].contents);
  writeAtomic(manifestFile, JSON.stringify({ inputs }, null, 1));
  // Bundles of older sources: another synth may be loading one this instant (it only
  // would if its sources differ from ours), so leave the last hour's.
  for (const name of readdirSync(cacheDir)) {
    const old = join(cacheDir, name);
    if (/^main-[0-9a-f]+\.js$/.test(name) && old !== file) {
      try {
        if (Date.now() - require("node:fs").statSync(old).mtimeMs > 3600e3) rmSync(old, { force: true });
      } catch {}
    }
  }
  return file;
}

// cdktf's barrel loads `archiver` (and its streams and zip libraries, ~0.08 s) at start-up
// for TerraformAsset, which zips directories; no stack here has an asset. Its cache entry
// starts as a stand-in that loads the real module on the first call.
function deferArchiver() {
  const Module = require("node:module");
  const from = Module.createRequire(require.resolve("cdktf"));
  const path = from.resolve("archiver");
  if (require.cache[path]) return;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = function archiver(...args) {
    if (require.cache[path] === stub) delete require.cache[path];
    return from("archiver")(...args);
  };
  require.cache[path] = stub;
}

if (!unoptimized) deferArchiver();
const file = (!unoptimized && cachedBundle()) || bundle();
try {
  require(file);
} finally {
  if (unoptimized) rmSync(file, { force: true });
}
