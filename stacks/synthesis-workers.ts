/**
 * Several configs synthesize side by side (`npm run synth -- --all`, or several files): this
 * thread and one worker thread per further core each take the next spec from a shared counter,
 * synthesize it (`synthesizeSpec`) and take the next until none is left; the main thread then
 * combines what all of them produced (`synthesizeApps`). The output is the same as one
 * thread's: the equivalence test compares it with the unoptimized synth, which runs every spec
 * in the main thread. A worker runs this process's own entry script again (scripts/synth.js),
 * which serves jobs instead of running the CLI when `isSynthesisWorker()`.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { ConfigError } from "../config/problems";
import { runSpecsInThisThread, synthesizeSpec, type SpecJob, type SpecRunner, type SpecSynthesis } from "./synthesize";

const ROLE = "synthesis-worker";

/** What a worker thread is started with: every job, and the counter that hands out the next one. */
interface WorkerData {
  readonly role: typeof ROLE;
  readonly jobs: readonly SpecJob[];
  readonly next: Int32Array;
}

/** A failure in a thread, as plain data; a config problem comes back as the ConfigError it was. */
interface ThreadFailure {
  readonly message: string;
  readonly stack?: string;
  readonly config?: Pick<ConfigError, "file" | "problems" | "note">;
}

type FromThread = { index: number; result: SpecSynthesis } | { index: number; failure: ThreadFailure } | { done: true };

/** True in a thread `threadedSpecRunner` started: it serves spec jobs instead of running the CLI. */
export const isSynthesisWorker = (): boolean => !isMainThread && (workerData as Partial<WorkerData> | undefined)?.role === ROLE;

/**
 * Runs specs on this thread and one worker per further core (at most SYNTH_THREADS threads in
 * all, when set), each worker running `script` (a JavaScript entry point that calls
 * `serveSpecJobs` when `isSynthesisWorker()`). One spec or one thread: in this thread alone.
 */
export function threadedSpecRunner(script: string): SpecRunner {
  return async (jobs) => {
    const threads = threadsFor(jobs.length);
    if (threads < 2) return runSpecsInThisThread(jobs);
    const results: SpecSynthesis[] = [];
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const data: WorkerData = { role: ROLE, jobs, next };
    // Started first, so that they load while this thread already synthesizes.
    const workers = Array.from({ length: threads - 1 }, () => new Worker(script, { workerData: data }));
    try {
      const fromWorkers = Promise.all(workers.map((worker) => collect(worker, results)));
      fromWorkers.catch(() => {}); // awaited below; a failure here must not go unhandled while this thread works
      for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) results[i] = await synthesizeSpec(jobs[i]);
      await fromWorkers;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
  };
}

/** Threads that synthesize `specs` specs: one per core, at most one per spec and SYNTH_THREADS. */
export const threadsFor = (specs: number): number =>
  Math.max(1, Math.min(specs, availableParallelism(), Number(process.env.SYNTH_THREADS) || Infinity));

/** A worker's results into `results` by job index; resolves when it has taken its last job, rejects on its first failure. */
function collect(worker: Worker, results: SpecSynthesis[]): Promise<void> {
  return new Promise((done, fail) => {
    worker.on("message", (m: FromThread) => {
      if ("done" in m) done();
      else if ("failure" in m) fail(rebuilt(m.failure));
      else results[m.index] = m.result;
    });
    worker.on("error", fail);
    // After "done" this changes nothing; before it, the thread died without saying why.
    worker.on("exit", (code) => fail(new Error(`a synthesis thread exited (code ${code}) before finishing its specs`)));
  });
}

/** In a worker thread: synthesize the next spec job until none is left or one fails. */
export async function serveSpecJobs(): Promise<void> {
  const { jobs, next } = workerData as WorkerData;
  const port = parentPort!;
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    try {
      port.postMessage({ index: i, result: await synthesizeSpec(jobs[i]) } satisfies FromThread);
    } catch (e) {
      port.postMessage({ index: i, failure: failureOf(e) } satisfies FromThread);
      return;
    }
  }
  port.postMessage({ done: true } satisfies FromThread);
}

function failureOf(e: unknown): ThreadFailure {
  if (e instanceof ConfigError) return { message: e.message, config: { file: e.file, problems: e.problems, note: e.note } };
  return e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
}

function rebuilt(failure: ThreadFailure): Error {
  if (failure.config) return new ConfigError(failure.config.file, failure.config.problems, failure.config.note);
  const error = new Error(failure.message);
  if (failure.stack) error.stack = failure.stack;
  return error;
}
