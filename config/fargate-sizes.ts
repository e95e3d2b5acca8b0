/**
 * The CPU/memory pairs Fargate accepts for a Linux task (AWS ECS developer guide,
 * "Task CPU and memory"), checked at config time so a wrong pair fails with its path
 * instead of at `terraform apply`.
 */

/** Per CPU value (units, 1024 = 1 vCPU): the memory range in MiB and its step. */
const FARGATE_MEMORY: Readonly<Record<number, { min: number; max: number; step: number }>> = {
  256: { min: 512, max: 2048, step: 512 },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

/** Memory values Fargate accepts with `cpu`; empty for a CPU value it does not offer. */
export function fargateMemoryFor(cpu: number): number[] {
  const r = FARGATE_MEMORY[cpu];
  if (!r) return [];
  // 256 CPU takes 512, 1024 and 2048, not 1536.
  const values = Array.from({ length: (r.max - r.min) / r.step + 1 }, (_, i) => r.min + i * r.step);
  return cpu === 256 ? values.filter((m) => m !== 1536) : values;
}

/** Whether Fargate has a task of `cpu` units at all. */
export const fargateOffersCpu = (cpu: number): boolean => FARGATE_MEMORY[cpu] !== undefined;

/** What is wrong with a CPU/memory pair for Fargate, or undefined. */
export function fargateSizeProblem(cpu: number, memoryMb: number): string | undefined {
  const memory = fargateMemoryFor(cpu);
  if (memory.length === 0) {
    return `Fargate offers no task of ${cpu} CPU units; use one of ${Object.keys(FARGATE_MEMORY).join(", ")}`;
  }
  if (memory.includes(memoryMb)) return undefined;
  const shown =
    memory.length > 6
      ? `${memory[0]}-${memory[memory.length - 1]} MiB in steps of ${FARGATE_MEMORY[cpu].step}`
      : `${memory.join(", ")} MiB`;
  return `Fargate does not run ${cpu} CPU units with ${memoryMb} MiB; with ${cpu} it takes ${shown}`;
}
