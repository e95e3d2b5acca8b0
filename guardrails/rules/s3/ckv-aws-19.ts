/**
 * CKV_AWS_19 (Checkov CKV_AWS_19): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/S3BucketEncryption.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { all, blocks } from "../helpers";
import { BUCKET, SSE, sseAlgorithms } from "./shared";

export const CKV_AWS_19: Rule = {
  id: "CKV_AWS_19",
  checkov: "CKV_AWS_19",
  severity: "medium",
  resourceTypes: BUCKET,
  description:
    "Default encryption, inline (dynamic blocks included) or in a connected aws_s3_bucket_server_side_encryption_configuration, " +
    "is aws:kms or AES256; a bucket with neither passes (S3 encrypts with SSE-S3 by default).",
  fix: '`sse_algorithm = "aws:kms"` (AES256 only for log-delivery targets) in the bucket\'s SSE configuration (SecureBucket does this).',
  check: (b, g) => {
    const inline = [b.config.server_side_encryption_configuration, ...all(b.config, "dynamic.server_side_encryption_configuration.content")]
      .flatMap(blocks)
      .flatMap((c) => all(c, "rule.apply_server_side_encryption_by_default.sse_algorithm"));
    const ok = (a: unknown) => a === "aws:kms" || a === "AES256";
    if (inline.some(ok)) return pass;
    const companions = g.connected(b, SSE);
    const algs = companions.flatMap(sseAlgorithms);
    if (companions.length === 0 && inline.length === 0) return pass;
    if (companions.length > 0 && algs.some(ok)) return pass;
    const bad = [...inline, ...algs];
    return fail(`sse_algorithm ${bad.map(String).join(", ") || "not set"} is neither aws:kms nor AES256`);
  },
};
