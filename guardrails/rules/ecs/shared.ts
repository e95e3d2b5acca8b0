/** Readers and resource-type lists shared by the ecs rules. */
import { fail, pass, unknown, type Verdict } from "../../types";
import type { TfResource } from "../../graph";

export const TASK = ["aws_ecs_task_definition"];
export type Container = Record<string, unknown>;

export function containers(r: TfResource): Container[] | undefined {
  const raw = r.config.container_definitions;
  if (Array.isArray(raw)) return raw as Container[];
  if (typeof raw !== "string" || raw.trim().startsWith("${")) return undefined;
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function everyContainer(r: TfResource, bad: (c: Container) => string | undefined): Verdict {
  const list = containers(r);
  if (!list) return unknown("container_definitions is not readable JSON");
  const problems = list.map((c) => bad(c)).filter((p): p is string => !!p);
  return problems.length ? fail(problems.join("; ")) : pass;
}
