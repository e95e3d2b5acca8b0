// The order test files start in. Jest runs first what failed last time, then files it has no
// time for, then the slowest files by the times it recorded, so that no worker is left with a
// long file at the end.
// On a cold run (CI's clean clone: nothing recorded) Jest falls back to file size, which
// knows nothing of the files that start processes (the synth, the guardrails CLI, npm,
// Chromium): few lines, many seconds. Here a file without a recorded time that starts
// processes counts ten times its size, so those start first.
const { readFileSync } = require("node:fs");
const Sequencer = require("@jest/test-sequencer").default;

/** A line of a file that starts processes takes about ten times one of a file that does not (measured). */
const PROCESS_WEIGHT = 10;
const STARTS_PROCESS = /\b(spawnSync|spawn|execFileSync|execFile|execSync|launch)\(/;

function estimatedCost(path) {
  const source = readFileSync(path, "utf8");
  return source.length * (STARTS_PROCESS.test(source) ? PROCESS_WEIGHT : 1);
}

class ProcessesFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const failed = sorted.filter((t) => this.hasFailed(t));
    const timed = sorted.filter((t) => !this.hasFailed(t) && t.duration != null);
    const unknown = sorted.filter((t) => !this.hasFailed(t) && t.duration == null);
    const cost = new Map(unknown.map((t) => [t, estimatedCost(t.path)]));
    unknown.sort((a, b) => cost.get(b) - cost.get(a));
    // As Jest orders them: what failed, then what has no recorded time, then the slowest first.
    return [...failed, ...unknown, ...timed];
  }
}

module.exports = ProcessesFirstSequencer;
