/** PRJ_APPRUNNER_VPC_EGRESS: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  PRJ_APPRUNNER_VPC_EGRESS: {
    pass: one("aws_apprunner_service", {
      network_configuration: { egress_configuration: { egress_type: "VPC", vpc_connector_arn: "arn:connector" } },
    }),
    fail: one("aws_apprunner_service", { network_configuration: { egress_configuration: { egress_type: "DEFAULT" } } }),
  },
};
