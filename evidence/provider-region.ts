import type { TfJsonDocument } from "../guardrails/graph";

/** The region of the stack's default (unaliased) AWS provider. */
export function providerRegion(doc: TfJsonDocument): string | undefined {
  const aws = doc.provider?.aws;
  const blocks = (Array.isArray(aws) ? aws : aws ? [aws] : []) as Record<string, unknown>[];
  const region = blocks.find((b) => b.alias === undefined)?.region;
  return typeof region === "string" ? region : undefined;
}
