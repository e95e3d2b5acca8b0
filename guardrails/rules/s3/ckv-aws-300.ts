/**
 * CKV_AWS_300 (Checkov CKV_AWS_300): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/S3AbortIncompleteUploads.py.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";

export const CKV_AWS_300: Rule = {
  id: "CKV_AWS_300",
  checkov: "CKV_AWS_300",
  severity: "low",
  resourceTypes: ["aws_s3_bucket_lifecycle_configuration"],
  description: "Some Enabled rule aborts incomplete multipart uploads with an empty filter (covers the whole bucket).",
  stricter:
    'Checkov: a rule with filter { prefix = "" }, a filter of only and { tags }, or a rule-level prefix also passes there; ' +
    "here only a filter that is empty covers the whole bucket.",
  fix: "`rule.abort_incomplete_multipart_upload` in an Enabled rule with an empty `filter {}` (SecureBucket does this).",
  check: (lc) => {
    const ok = blocks(lc.config.rule).some((r) => {
      const filter = blocks(r.filter)[0] ?? {};
      const emptyFilter = Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0)) && !r.prefix;
      return r.status === "Enabled" && blocks(r.abort_incomplete_multipart_upload).length > 0 && emptyFilter;
    });
    return ok ? pass : fail("no Enabled rule with an empty filter aborts incomplete multipart uploads");
  },
};
