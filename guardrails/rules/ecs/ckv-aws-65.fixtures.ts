/** CKV_AWS_65: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_65: {
    pass: one("aws_ecs_cluster", { setting: [{ name: "containerInsights", value: "enhanced" }] }),
    fail: one("aws_ecs_cluster", { setting: [{ name: "containerInsights", value: "disabled" }] }),
  },
};
