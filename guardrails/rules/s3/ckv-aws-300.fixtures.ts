/** CKV_AWS_300: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_300: {
    pass: one("aws_s3_bucket_lifecycle_configuration", {
      rule: [{ id: "a", status: "Enabled", filter: [{}], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] }],
    }),
    fail: one("aws_s3_bucket_lifecycle_configuration", {
      rule: [
        { id: "a", status: "Enabled", filter: [{ prefix: "tmp/" }], abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }] },
      ],
    }),
  },
};
