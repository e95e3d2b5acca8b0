// Runs a TypeScript entry point of the project fast: `npm run synth` (main.ts),
// `npm run guardrails` (guardrails/cli.ts) and `npm run report` (scripts/report.ts) bundle it
// with esbuild (no type-check: `npm test` and `npm run build` do that) and run the bundle in
// this process.
//
// What makes it fast (each measured; `npm run bench`):
// - One bundle: the project's code and the pure-JavaScript packages it loads at start-up
//   (cdktf, constructs, the two providers by deep path, zod) go into one file, so node reads
//   and resolves one module instead of ~450. Packages that find files beside themselves
//   (the IAM action catalogue, the HCL tools, Mermaid, archiver) stay external.
// - Reused: `.synth-cache/<name>-inputs.json` lists the files esbuild read for the last
//   bundle; the hash of their contents and of this file (a few ms) names the bundle
//   `.synth-cache/<name>-<hash>.js`.
//   Any change to a source or an installed package it bundles gives a new hash and a fresh
//   bundle; esbuild itself is loaded only when it has work to do (~0.8 s on 2 cores). Runs
//   that start together on a fresh checkout make it once (`bundleOnce`: a lock file).
// - Small, and one byte per character: the bundle is written without comments and indentation
//   (esbuild's minifyWhitespace; names and code are untouched), 4 MB instead of 6. esbuild
//   escapes non-ASCII text in code but keeps comments as written, and one em dash in a
//   package's comment made V8 hold all of it as two-byte text (twice the memory, ~3000 more
//   page faults per run). An ASCII bundle is read as latin1, one byte per character; one with
//   non-ASCII left in code (a regular expression or tagged template esbuild cannot escape) as
//   UTF-8, slower but the same program. For a readable stack trace, SYNTH_UNOPTIMIZED=1.
// - Compiled once: V8's code cache for the bundle (`<name>-<hash>.js.cache`, written after
//   the first run of a bundle) spares parsing and compiling 4 MB of JavaScript per run.
// - cdktf writes each stack's JSON with json-stable-stringify, whose general machinery (a
//   replacer and cycle list per value, callBind'd array methods) took ~5% of a synth; the
//   bundle takes stacks/stable-stringify.ts in its place, which writes the same bytes.
// No source maps: enabling them makes node parse every dependency's map (+0.3 s).
// SYNTH_UNOPTIMIZED=1 bundles the project's code alone afresh (packages external, as
// before these speed-ups) and skips every speed-up: the equivalence test's baseline.
const { createHash } = require("node:crypto");
const {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");
const { isAscii } = require("node:buffer");

const root = join(__dirname, "..");
const cacheDir = join(root, ".synth-cache");
const unoptimized = process.env.SYNTH_UNOPTIMIZED === "1";
/** Packages bundled with the app: plain JavaScript that never looks for files beside itself. */
const BUNDLED_PACKAGES = ["cdktf", "constructs", "@cdktf/provider-aws", "@cdktf/provider-random", "zod"];

/** The project's other packages, and archiver (cdktf's, deferred below), load from node_modules at run time. */
function externalPackages() {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const names = [...Object.keys(dependencies), ...Object.keys(devDependencies), "archiver"];
  return names.filter((n) => !BUNDLED_PACKAGES.includes(n)).flatMap((n) => [n, `${n}/*`]);
}

const buildOptionsFor = (entry) => ({
  absWorkingDir: root,
  entryPoints: [entry],
  write: false,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  // Optimized, `import()` of a (CommonJS) package becomes a `require`: node 20 runs no
  // dynamic import from a vm.Script that uses a code cache.
  ...(unoptimized
    ? { packages: "external" }
    : {
        external: externalPackages(),
        supported: { "dynamic-import": false },
        minifyWhitespace: true,
        legalComments: "none",
        // cdktf's JSON writer, without the general machinery it never uses (stacks/stable-stringify.ts).
        alias: { "json-stable-stringify": "./stacks/stable-stringify.ts" },
      }),
});

/**
 * Hash of the bundle options, node's version, and every input: the project's files by
 * content, installed packages' files by size and modification time (a reinstall changes
 * them; reading 5 MB of package code per run would cost more than it saves). Undefined if
 * an input is gone.
 */
function hashInputs(buildOptions, inputs) {
  // This file too: how it bundles is part of what a bundle is.
  const hash = createHash("sha256")
    .update(JSON.stringify({ buildOptions, node: process.version }))
    .update(readFileSync(__filename));
  for (const file of inputs) {
    let content;
    try {
      if (file.startsWith("node_modules/")) {
        const { size, mtimeMs } = statSync(join(root, file));
        content = `${size}:${mtimeMs}`;
      } else content = readFileSync(join(root, file));
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

function cachedBundle(entry, name) {
  try {
    const { inputs } = JSON.parse(readFileSync(join(cacheDir, `${name}-inputs.json`), "utf8"));
    const key = hashInputs(buildOptionsFor(entry), inputs);
    const file = key && join(cacheDir, `${name}-${key}.js`);
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

function bundle(entry, name) {
  const { buildSync } = require("esbuild");
  mkdirSync(cacheDir, { recursive: true });
  const outfile = join(cacheDir, unoptimized ? `fresh-${name}-${process.pid}.js` : `${name}.js`);
  const buildOptions = buildOptionsFor(entry);
  const { outputFiles, metafile } = buildSync({ ...buildOptions, outfile, metafile: true });
  if (unoptimized) {
    writeFileSync(outfile, outputFiles[0].contents);
    return outfile;
  }
  const inputs = Object.keys(metafile.inputs).sort();
  const key = hashInputs(buildOptions, inputs);
  const file = join(cacheDir, `${name}-${key}.js`);
  writeAtomic(file, outputFiles[0].contents);
  writeAtomic(join(cacheDir, `${name}-inputs.json`), JSON.stringify({ inputs }, null, 1));
  // Bundles of older sources: another run may be loading one this instant (it only
  // would if its sources differ from ours), so leave the last hour's.
  const ofThisEntry = new RegExp(`^${name}-[0-9a-f]+\\.js$`);
  for (const other of readdirSync(cacheDir)) {
    const old = join(cacheDir, other);
    if (ofThisEntry.test(other) && old !== file) {
      try {
        if (Date.now() - statSync(old).mtimeMs < 3600e3) continue;
        rmSync(old, { force: true });
        rmSync(`${old}.cache`, { force: true });
      } catch {}
    }
  }
  return file;
}

/** How long a run waits for another that is bundling the same entry before bundling itself. */
const LOCK_WAIT_MS = 30_000;

/**
 * Whether the process that took `lock` (its pid is the content) is gone. A lock just taken
 * (still empty) counts as held; one that is gone already, as stale.
 */
function lockIsStale(lock) {
  try {
    const pid = readFileSync(lock, "utf8");
    if (pid !== "") process.kill(Number(pid), 0); // signal 0: only asks whether it exists
    return false;
  } catch (e) {
    return e.code !== "EPERM"; // EPERM: it exists, as another user's
  }
}

/**
 * The bundle of `entry`, made by one run at a time: runs that start together on a fresh checkout
 * (a test suite, several synths) would each bundle the same sources (~0.8 s of esbuild each).
 * The first takes `.synth-cache/<name>.lock`; the others wait for it to go and take its bundle.
 * A lock whose process is gone is taken over; a run that waited LOCK_WAIT_MS bundles itself.
 */
function bundleOnce(entry, name) {
  mkdirSync(cacheDir, { recursive: true });
  const lock = join(cacheDir, `${name}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    let fd;
    try {
      fd = openSync(lock, "wx");
    } catch (e) {
      if (e.code !== "EEXIST") return bundle(entry, name);
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, String(process.pid));
        // Another run may have finished it between our look and taking the lock.
        return cachedBundle(entry, name) || bundle(entry, name);
      } finally {
        closeSync(fd);
        rmSync(lock, { force: true });
      }
    }
    if (lockIsStale(lock)) rmSync(lock, { force: true });
    else if (Date.now() > deadline) return bundle(entry, name);
    else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    const ready = cachedBundle(entry, name);
    if (ready) return ready;
  }
}

/**
 * cdktf's barrel loads `archiver` (and its streams and zip libraries, ~0.08 s) at start-up
 * for TerraformAsset, which zips directories; no stack here has an asset. The cache entry of
 * the `archiver` that `requiringFile` resolves (the bundle, or cdktf itself unbundled, as in
 * the test workers: two copies may be installed) starts as a stand-in that loads cdktf's own
 * copy on the first call.
 */
function deferArchiver(requiringFile) {
  const fromCdktf = Module.createRequire(require.resolve("cdktf"));
  const path = Module.createRequire(requiringFile).resolve("archiver");
  if (require.cache[path]) return;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = function archiver(...args) {
    if (require.cache[path] === stub) delete require.cache[path];
    return fromCdktf("archiver")(...args);
  };
  require.cache[path] = stub;
}

/**
 * Run the bundle as node would `require` it, but through a vm.Script that takes V8's code
 * cache for it when there is one, and writes one on exit when there was none (or V8 rejected
 * it: another node version). The cache only skips compilation; the code that runs is the same.
 */
function runWithCodeCache(file) {
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {}
  // ASCII (as the bundle is today): latin1 decodes it as it is, into a one-byte string.
  const bytes = readFileSync(file);
  const script = new vm.Script(Module.wrap(bytes.toString(isAscii(bytes) ? "latin1" : "utf8")), {
    filename: file,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        writeAtomic(cacheFile, script.createCachedData());
      } catch {}
    });
  }
  const bundleModule = new Module(file, module);
  bundleModule.filename = file;
  bundleModule.paths = Module._nodeModulePaths(dirname(file));
  const requireFromBundle = Module.createRequire(file);
  script.runInThisContext().call(bundleModule.exports, bundleModule.exports, requireFromBundle, bundleModule, file, dirname(file));
}

/**
 * `npm run synth | head`: a reader that stops early is not an error. Node reports the closed
 * pipe as an 'error' event on stdout, which unhandled ends the run with a stack trace and
 * exit 1 once its work is done; here it exits quietly, with the exit code the run had set.
 */
function exitQuietlyOnClosedStdout() {
  process.stdout.on("error", (e) => {
    if (e.code !== "EPIPE") throw e;
    process.exit();
  });
}

/**
 * Bundle `entry` (reusing the bundle of unchanged sources) and run it in this process, as
 * node would run the TypeScript itself. `name` names its files in `.synth-cache/`.
 */
function runBundled(entry, name) {
  exitQuietlyOnClosedStdout();
  if (unoptimized) {
    const file = bundle(entry, name);
    try {
      require(file);
    } finally {
      rmSync(file, { force: true });
    }
  } else {
    deferArchiver(join(cacheDir, "bundle.js"));
    runWithCodeCache(cachedBundle(entry, name) || bundleOnce(entry, name));
  }
}

module.exports = { runBundled, deferArchiver };
