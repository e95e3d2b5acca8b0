/** Readers and resource-type lists shared by the messaging rules. */
import { narrowingConditions, type Statement } from "../helpers";

/** CKV_AWS_385: an Allow to a specific IAM ARN (arn:aws:iam::...) with no narrowing condition (cloudsplaining's list). */
export const unconditionedCrossAccount = (s: Statement) => {
  const aws = s.Principal && typeof s.Principal === "object" ? (s.Principal as Record<string, unknown>).AWS : undefined;
  const arns = (Array.isArray(aws) ? aws : [aws]).filter((a) => typeof a === "string" && a.startsWith("arn:aws:iam::"));
  return s.Effect === "Allow" && arns.length > 0 && narrowingConditions(s).length === 0;
};
