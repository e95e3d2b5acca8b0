// The project's TypeScript for the test workers, compiled in one esbuild call before any
// worker starts (global-setup.mjs), instead of file by file as tsx compiles it on first require.
//
// Why: a worker loads ~400-550 of the project's ~600 files, and tsx sends each to esbuild's
// service on its own and waits for the answer. On a cold run (CI's clean clone: tsx has no
// cache) that took ~1.5 s of each worker's start and ~8 s of the suite's CPU; one build of
// every file takes ~0.8 s and the cold suite ran ~4 s faster (`npm run bench`). A warm local
// run loses ~1 s to it (tsx's cache would have had every file). Compiled once for the run and
// read by each worker from a file (global-setup.mjs names it): the two workers' own builds, at
// once on two cores, took ~1.1 s of each worker's start and twice the CPU.
//
// The same code: esbuild gets tsx's options (CommonJS, this node as target, names kept, the
// tsconfig.json esbuild reads itself) and an inline source map, so stack traces name the .ts
// file and line as under tsx (compared file by file: identical but for tsx's own wrapper).
// Two things tsx adds are not here, so a file that needs them goes to tsx: `import.meta`
// (tsx fills in url, dirname, filename) and, after each `import()`, unwrapping a CommonJS
// package's default export (today's `import()`s name exports node finds by itself).
// Node resolves the imports (`.ts` is one of require's extensions once this registers it);
// tsx is loaded only to compile what is not served from here (a file that does not build,
// uses import.meta, is loaded twice or made after the run started). A file edited while the
// suite runs is served as it was when the run started.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const Module = require("node:module");
const { buildSync } = require("esbuild");

const root = fileURLToPath(new URL("..", import.meta.url));
/**
 * Folders that hold no source of ours, by path from the root: tsconfig.json's `exclude`. Also
 * skipped, as TypeScript skips them: node_modules anywhere, and dot-folders (caches, git).
 */
const NOT_SOURCE = new Set(excludedByTsconfig());

/** tsconfig.json's `exclude`: plain JSON and plain folder paths today; a comment or a glob would need more here. */
function excludedByTsconfig() {
  const file = join(root, "tsconfig.json");
  let exclude;
  try {
    exclude = JSON.parse(readFileSync(file, "utf8")).exclude ?? [];
  } catch (e) {
    throw new Error(`${file}: ${e.message} (compile-typescript.mjs reads its "exclude" as plain JSON)`);
  }
  const glob = exclude.find((entry) => /[*?[{]/.test(entry));
  if (glob !== undefined) throw new Error(`${file}: exclude "${glob}" is a glob; compile-typescript.mjs reads folder paths only`);
  return exclude.map((entry) => entry.replace(/^\.\//, "").replace(/\/$/, ""));
}

function typescriptFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const skipped = entry.name === "node_modules" || entry.name.startsWith(".") || NOT_SOURCE.has(relative(root, path));
      return skipped ? [] : typescriptFiles(path);
    }
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/**
 * Each .ts file's CommonJS, by path; empty if any file fails to build (tsx then compiles each
 * as before, and the test that loads the broken one fails alone). Written beside its source
 * (in memory) so that the source map's paths hold.
 */
function compileAll() {
  const files = typescriptFiles(root).filter((file) => !readFileSync(file, "utf8").includes("import.meta"));
  let outputFiles;
  try {
    ({ outputFiles } = buildSync({
      entryPoints: files,
      outdir: root,
      outbase: root,
      write: false,
      format: "cjs",
      platform: "node",
      target: `node${process.versions.node}`,
      sourcemap: "inline",
      sourcesContent: false, // as tsx: a stack trace needs the lines, not the source text
      minifyWhitespace: true,
      keepNames: true,
      logLevel: "silent",
    }));
  } catch {
    return new Map();
  }
  return new Map(outputFiles.map((file) => [file.path.replace(/\.js$/, ".ts"), file.text]));
}

/**
 * How this worker's .ts files loaded: from the one build, or by tsx. A test checks the build
 * serves them: a node or tsx that stopped routing through the loader would lose the speed-up silently.
 */
export const typescriptLoads = { fromBuild: 0, byTsx: 0, buildFromGlobalSetup: false };

/** The environment variable that names the file global-setup.mjs wrote the build to. */
const BUILD_FILE_VARIABLE = "TEST_TYPESCRIPT_BUILD";

/** Compile every .ts file into a temporary file, named to the workers started after this (global setup). */
export function writeCompiledTypescript() {
  const file = join(mkdtempSync(join(tmpdir(), "jest-typescript-")), "build.json");
  writeFileSync(file, JSON.stringify([...compileAll()]));
  process.env[BUILD_FILE_VARIABLE] = file;
}

/** Remove what writeCompiledTypescript wrote (global teardown). */
export function removeCompiledTypescript() {
  const file = process.env[BUILD_FILE_VARIABLE];
  if (file !== undefined) rmSync(dirname(file), { recursive: true, force: true });
}

/** The build global setup wrote; compiled here when there is none (a worker started otherwise). */
function compiledForThisRun() {
  const file = process.env[BUILD_FILE_VARIABLE];
  if (file === undefined) return compileAll();
  try {
    const compiled = new Map(JSON.parse(readFileSync(file, "utf8")));
    typescriptLoads.buildFromGlobalSetup = true;
    return compiled;
  } catch {
    return compileAll();
  }
}

/** tsx's CommonJS loader, registered on first use: for a file the build does not serve. */
function loadWithTsx(module, filename) {
  const ours = Module._extensions[".ts"];
  require("tsx/cjs/api").register();
  const tsxLoad = Module._extensions[".ts"];
  Module._extensions[".ts"] = ours;
  return tsxLoad(module, filename);
}

/** Serve require() of the project's .ts files from one build; anything else goes to tsx. */
export function registerCompiledTypescript() {
  const compiled = compiledForThisRun();
  const tsxLoad = Module._extensions[".ts"] ?? loadWithTsx;
  Module._extensions[".ts"] = function loadCompiled(module, filename) {
    const code = compiled.get(filename);
    if (code === undefined) {
      typescriptLoads.byTsx++;
      return tsxLoad(module, filename);
    }
    typescriptLoads.fromBuild++;
    compiled.delete(filename); // loaded once per worker; the text is not needed again
    module._compile(code, filename);
  };
}
