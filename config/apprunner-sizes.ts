/**
 * The CPU/memory pairs App Runner accepts (AWS App Runner API, InstanceConfiguration),
 * checked at config time so a wrong pair fails with its path instead of at apply.
 */

/** Per CPU value (units, 1024 = 1 vCPU): the memory values in MiB. */
const APPRUNNER_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024],
  512: [1024],
  1024: [2048, 3072, 4096],
  2048: [4096],
  4096: [8192, 10240, 12288],
};

/** Most instances an App Runner auto scaling configuration takes (max_size). */
export const APPRUNNER_MAX_INSTANCES = 25;

/** Whether App Runner has an instance of `cpu` units at all. */
export const apprunnerOffersCpu = (cpu: number): boolean => APPRUNNER_MEMORY[cpu] !== undefined;

/** What is wrong with a CPU/memory pair for App Runner, or undefined. */
export function apprunnerSizeProblem(cpu: number, memoryMb: number): string | undefined {
  const memory = APPRUNNER_MEMORY[cpu];
  if (!memory) return `App Runner offers no instance of ${cpu} CPU units; use one of ${Object.keys(APPRUNNER_MEMORY).join(", ")}`;
  if (memory.includes(memoryMb)) return undefined;
  return `App Runner does not run ${cpu} CPU units with ${memoryMb} MiB; with ${cpu} it takes ${memory.join(", ")} MiB`;
}
