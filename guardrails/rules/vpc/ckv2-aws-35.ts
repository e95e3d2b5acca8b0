/**
 * CKV2_AWS_35 (Checkov CKV2_AWS_35): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/AWSNATGatewaysshouldbeutilized.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks, isSet } from "../helpers";

export const CKV2_AWS_35: Rule = {
  id: "CKV2_AWS_35",
  checkov: "CKV2_AWS_35",
  severity: "medium",
  resourceTypes: ["aws_route_table", "aws_route"],
  description:
    "No 0.0.0.0/0 route to an instance (NAT instance): an aws_route with a non-empty instance_id and that " +
    "destination, or a route table with both among its routes, as Checkov's list-wide conditions read it.",
  fix: "`nat_gateway_id` instead of `instance_id` for the 0.0.0.0/0 route.",
  check: (r) => {
    const routes = r.type === "aws_route" ? [r.config] : blocks(r.config.route);
    const instance = routes.some((x) => isSet(x.instance_id));
    const cidr = r.type === "aws_route" ? "destination_cidr_block" : "cidr_block";
    const open = routes.some((x) => String(x[cidr] ?? "").includes("0.0.0.0/0"));
    return instance && open ? fail("default route to an instance") : pass;
  },
};
