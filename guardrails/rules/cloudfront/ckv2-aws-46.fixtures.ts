/** CKV2_AWS_46: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { bucket, dist, ref, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV2_AWS_46: {
    pass: {
      ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name"), origin_access_control_id: "oac" }] }),
      ...bucket,
    },
    fail: { ...dist({ origin: [{ domain_name: ref("aws_s3_bucket.b", "bucket_regional_domain_name") }] }), ...bucket },
  },
};
