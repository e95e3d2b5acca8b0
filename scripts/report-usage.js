// Preloaded into a benchmarked process: on exit, writes its peak RSS (KiB) to BENCH_USAGE_FILE.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.BENCH_USAGE_FILE) {
    writeFileSync(process.env.BENCH_USAGE_FILE, String(process.resourceUsage().maxRSS));
  }
});
