/**
 * CKV2_AWS_46 (Checkov CKV2_AWS_46): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CLoudFrontS3OriginConfigWithOAI.yaml.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { blocks } from "../helpers";
import { DIST } from "./shared";

export const CKV2_AWS_46: Rule = {
  id: "CKV2_AWS_46",
  checkov: "CKV2_AWS_46",
  severity: "high",
  resourceTypes: DIST,
  description: "Origins of referenced S3 buckets use origin access control (or OAI).",
  fix: "`origin_access_control_id` on S3 origins (CdnDistribution does this).",
  check: (d, g) =>
    g.referencedBy(d, "aws_s3_bucket").length === 0
      ? notApplicable
      : blocks(d.config.origin).some((o) => o.origin_access_control_id || blocks(o.s3_origin_config).length > 0)
        ? pass
        : fail("S3 origin without OAC"),
};
