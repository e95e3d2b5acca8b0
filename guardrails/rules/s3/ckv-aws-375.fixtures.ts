/** CKV_AWS_375: a Terraform JSON the rule passes and one it fails (rules.test.ts asserts both). */
import { one, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  CKV_AWS_375: {
    pass: one("aws_s3_bucket_acl", {
      access_control_policy: { grant: [{ grantee: { type: "CanonicalUser", id: "owner" }, permission: "FULL_CONTROL" }] },
    }),
    fail: one("aws_s3_bucket_acl", {
      access_control_policy: {
        grant: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ_ACP" }],
      },
    }),
  },
};
