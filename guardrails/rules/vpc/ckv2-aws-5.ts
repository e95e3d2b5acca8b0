/**
 * CKV2_AWS_5 (Checkov CKV2_AWS_5): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/SGAttachedToResource.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { SG } from "./shared";

export const CKV2_AWS_5: Rule = {
  id: "CKV2_AWS_5",
  checkov: "CKV2_AWS_5",
  severity: "low",
  resourceTypes: SG,
  description: "The group is attached to something (load balancer, service, database, endpoint, VPC connector...).",
  fix: "`vpc_security_group_ids` / `security_groups` of a resource: attach the group, or remove it.",
  check: (sg, g) =>
    g.referencing(sg).some((r) => !r.type.startsWith("aws_security_group") && !r.type.startsWith("aws_vpc_security_group"))
      ? pass
      : fail("attached to nothing"),
};
