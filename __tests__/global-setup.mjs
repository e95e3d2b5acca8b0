// Jest global setup: runs once in Jest's own process, before the first worker starts.
import { writeCompiledTypescript } from "./compile-typescript.mjs";

/**
 * The workers' young generation, in MiB per semi-space (V8's default is 16). Workers build and
 * synthesize hundreds of stacks; at 64 their garbage collection took ~0.9 s less CPU per run
 * (measured with --cpu-prof; 32 and 128 gave no more).
 */
export const WORKER_SEMI_SPACE_MIB = 64;

/**
 * The environment and node flags of Jest's process, which the workers are forked with
 * (jest-light-runner's pool passes none of its own), made what the workers should get.
 */
export function prepareWorkerProcess(env, execArgv) {
  // Node 20 reads and parses the extra CA certificates at every start when this names a file
  // (~35 ms of each of the ~60 node processes a run starts, measured). No test makes a TLS
  // connection: the workers and every process they start run without it.
  delete env.NODE_EXTRA_CA_CERTS;
  if (!execArgv.some((flag) => flag.startsWith("--max-semi-space-size"))) {
    execArgv.push(`--max-semi-space-size=${WORKER_SEMI_SPACE_MIB}`);
  }
}

export default function globalSetup() {
  prepareWorkerProcess(process.env, process.execArgv);
  // The project's TypeScript, compiled once for every worker (compile-typescript.mjs says why).
  writeCompiledTypescript();
}
