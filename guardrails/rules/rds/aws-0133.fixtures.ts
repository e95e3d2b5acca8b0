/** AWS-0133: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, pgInstance, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0133": {
    pass: one("aws_db_instance", { ...pgInstance, performance_insights_enabled: true }),
    fail: one("aws_db_instance", { engine: "mysql", instance_class: "db.t4g.small", performance_insights_enabled: false }),
  },
};
