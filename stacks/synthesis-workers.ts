/**
 * Several configs synthesize side by side (`npm run synth -- --all`, or several files): this
 * thread and one worker thread per further core each take the next spec from a shared counter,
 * synthesize it (`synthesizeSpec`) and take the next until none is left; the main thread then
 * combines what all of them produced (`synthesizeApps`). The files written, findings and
 * warnings are the same as one thread's: the equivalence test compares the output with the
 * unoptimized synth, which runs every spec in the main thread. A worker runs this process's
 * entry script again (scripts/synth.js) on the bundle this process runs, and serves jobs
 * instead of running the CLI when `isSynthesisWorker()`.
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { ConfigError } from "../config/problems";
import { runSpecsInThisThread, synthesizeSpec, type SpecJob, type SpecRunner, type SpecSynthesis } from "./synthesize";

const ROLE = "synthesis-worker";

/** What a worker thread is started with: every job, and the counter that hands out the next one. */
interface WorkerData {
  readonly role: typeof ROLE;
  /** The bundle this process runs (scripts/run-bundled.js runs it in the worker too). */
  readonly bundle: string;
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

/** Threads that synthesize `specs` specs: one per core, at most one per spec and SYNTH_THREADS (when a positive number). */
export const threadsFor = (specs: number): number =>
  Math.max(1, Math.min(specs, availableParallelism(), Number(process.env.SYNTH_THREADS) || Infinity));

/**
 * Runs specs on this thread and `threadsFor(specs) - 1` workers, each running `script` (a
 * JavaScript entry point that calls `serveSpecJobs` when `isSynthesisWorker()`) on `bundle`.
 * One thread: in this thread alone. A failure stops every thread from taking another spec and
 * is thrown once all have stopped; of several, the earliest spec's, as one thread would have.
 */
export function threadedSpecRunner(script: string, bundle: string): SpecRunner {
  return async (jobs) => {
    const threads = threadsFor(jobs.length);
    if (threads < 2) return runSpecsInThisThread(jobs);
    const results: SpecSynthesis[] = [];
    const failures: { index: number; error: unknown }[] = [];
    const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const failed = (index: number, error: unknown) => {
      failures.push({ index, error });
      Atomics.store(next, 0, jobs.length); // no thread takes another spec
    };
    const data: WorkerData = { role: ROLE, bundle, jobs, next };
    const workers: Worker[] = [];
    try {
      // Started first, so that they load while this thread already synthesizes.
      for (let i = 1; i < threads; i++) workers.push(new Worker(script, { workerData: data }));
      const fromWorkers = Promise.all(workers.map((worker) => collect(worker, results, failed)));
      for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
        try {
          results[i] = await synthesizeSpec(jobs[i]);
        } catch (e) {
          failed(i, e);
        }
      }
      await fromWorkers;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    if (failures.length > 0) throw failures.sort((a, b) => a.index - b.index)[0].error;
    return results;
  };
}

/**
 * A worker's results into `results` by job index, its failure to `failed`; settles when it has
 * taken its last job or failed (a thread that dies says so as a failure after every spec).
 */
function collect(worker: Worker, results: SpecSynthesis[], failed: (index: number, error: unknown) => void): Promise<void> {
  return new Promise((done) => {
    let settled = false;
    const settle = (failure?: { index: number; error: unknown }) => {
      if (settled) return;
      settled = true;
      if (failure) failed(failure.index, failure.error);
      done();
    };
    worker.on("message", (m: FromThread) => {
      if ("done" in m) settle();
      else if ("failure" in m) settle({ index: m.index, error: rebuilt(m.failure) });
      else results[m.index] = m.result;
    });
    // Before "done" or a failure, the thread died without saying why; after them, nothing to say.
    const died = (error: unknown) => settle({ index: Number.MAX_SAFE_INTEGER, error });
    worker.on("error", died);
    worker.on("exit", (code) => died(new Error(`a synthesis thread exited (code ${code}) before finishing its specs`)));
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
