/**
 * CKV2_AWS_1 (Checkov CKV2_AWS_1): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/SubnetHasACL.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks } from "../helpers";

export const CKV2_AWS_1: Rule = {
  id: "CKV2_AWS_1",
  checkov: "CKV2_AWS_1",
  severity: "low",
  resourceTypes: ["aws_network_acl"],
  description: "The NACL is associated with subnets.",
  fix: "`subnet_ids` (or an aws_network_acl_association): associate the NACL with its subnets.",
  check: (n, g) =>
    blocks(n.config.subnet_ids).length > 0 ||
    (Array.isArray(n.config.subnet_ids) && n.config.subnet_ids.length > 0) ||
    g.referencing(n, "aws_network_acl_association").length > 0
      ? pass
      : fail("NACL is not associated"),
};
