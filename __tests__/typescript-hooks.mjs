// Node's module hooks for the test workers (registered by setup.mjs): jest-light-runner
// `import()`s each test file, and node's ESM loader knows no .ts. A .ts file is CommonJS here
// (tsconfig.json), so this hands it to node's CommonJS loader, which takes it from the run's
// one build (compile-typescript.mjs) as it takes every file the test then requires.
// Without a `source`, node loads the file with `require`'s own loader: the file's requires
// never come back through these hooks (which run on a thread of their own).
// tsx's hooks did this before, at ~0.2 s of each worker's start and a round trip to their
// thread for each require of a test file.

/**
 * A file: URL of a .ts file, with or without a query. jest-light-runner adds one to load a test
 * file afresh; `require`'s cache knows files by path, so a second import of the same file in one
 * process (watch mode in band) would not run it again. A run here imports each test file once
 * per worker, in a pool made for the run.
 */
const TYPESCRIPT_FILE = /^file:[^?#]*\.ts([?#]|$)/;

export async function load(url, context, nextLoad) {
  if (TYPESCRIPT_FILE.test(url)) return { format: "commonjs", shortCircuit: true };
  return nextLoad(url, context);
}
