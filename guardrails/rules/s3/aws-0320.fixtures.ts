/** AWS-0320: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  "AWS-0320": { pass: one("aws_s3_bucket", { bucket: "demo-data" }), fail: one("aws_s3_bucket", { bucket: "demo.data" }) },
};
