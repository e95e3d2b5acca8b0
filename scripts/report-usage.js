// Preloaded into a benchmarked process: on exit, writes its peak RSS (KiB) to BENCH_USAGE_FILE.
// (maxRSS is the whole process's: the synth's worker threads included, written by the main thread.)
const { writeFileSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");
process.on("exit", () => {
  if (isMainThread && process.env.BENCH_USAGE_FILE) {
    writeFileSync(process.env.BENCH_USAGE_FILE, String(process.resourceUsage().maxRSS));
  }
});
