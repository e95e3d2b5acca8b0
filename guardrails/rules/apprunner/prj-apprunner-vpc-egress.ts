/**
 * PRJ_APPRUNNER_VPC_EGRESS (project rule, no scanner equivalent): its `description` below says what it checks.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { SERVICE } from "./shared";

export const PRJ_APPRUNNER_VPC_EGRESS: Rule = {
  id: "PRJ_APPRUNNER_VPC_EGRESS",
  severity: "high",
  resourceTypes: SERVICE,
  description: "Outbound traffic leaves through a VPC connector (egress_type VPC), so the database and cache stay in private subnets.",
  fix:
    '`network_configuration.egress_configuration { egress_type = "VPC", vpc_connector_arn = ' +
    "<connector> }` (AppRunnerService does this).",
  check: (s) => {
    const egress = get(s.config, "network_configuration.egress_configuration");
    return get(egress, "egress_type") === "VPC" && get(egress, "vpc_connector_arn")
      ? pass
      : fail("egress goes to the internet, not through the VPC");
  },
};
