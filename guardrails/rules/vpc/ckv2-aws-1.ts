/**
 * CKV2_AWS_1 (Checkov CKV2_AWS_1): The NACL is associated with subnets.
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
  fix: "Set subnet_ids or add aws_network_acl_association.",
  check: (n, g) =>
    blocks(n.config.subnet_ids).length > 0 ||
    (Array.isArray(n.config.subnet_ids) && n.config.subnet_ids.length > 0) ||
    g.referencing(n, "aws_network_acl_association").length > 0
      ? pass
      : fail("NACL is not associated"),
};
