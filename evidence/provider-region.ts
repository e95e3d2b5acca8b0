import type { TfGraph } from "../guardrails/graph";

/** The region of the stack's default (unaliased) AWS provider. */
export function providerRegion(graph: TfGraph): string | undefined {
  const region = graph.ofType("provider.aws").find((p) => p.config.alias === undefined)?.config.region;
  return typeof region === "string" ? region : undefined;
}
