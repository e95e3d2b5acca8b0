/**
 * CKV2_AWS_19 (Checkov CKV2_AWS_19): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/EIPAllocatedToVPCAttachedEC2.yaml.
 */
import { fail, notApplicable, pass, type Rule } from "../../types";
import { isSet, isTrue } from "../helpers";

export const CKV2_AWS_19: Rule = {
  id: "CKV2_AWS_19",
  checkov: "CKV2_AWS_19",
  severity: "low",
  resourceTypes: ["aws_eip"],
  description:
    'A VPC EIP (vpc = true or domain = "vpc") has an owner: a connected EC2 instance, NAT gateway or ' +
    "Transfer server, an aws_eip_association with instance_id, or an instance from a module or data source.",
  fix: "`aws_eip_association`, `instance` or a NAT gateway's `allocation_id`: attach the EIP, or release it.",
  check: (e, g) => {
    if (!isTrue(e.config.vpc) && e.config.domain !== "vpc") return notApplicable;
    const owned =
      g.connected(e, "aws_instance", "aws_nat_gateway", "aws_transfer_server").length > 0 ||
      g.connected(e, "aws_eip_association").some((a) => isSet(a.config.instance_id)) ||
      (typeof e.config.instance === "string" && /module\.|data\./.test(e.config.instance));
    return owned ? pass : fail("the VPC EIP is attached to no instance, NAT gateway or Transfer server");
  },
};
