/** CKV_AWS_286 to 290 and 355, CKV_AWS_107 to 111 and 356: a Terraform JSON each rule passes and one it fails. */
import { allow, document, iamPolicy, type RuleFixtures } from "../fixture-helpers";

export const fixtures: RuleFixtures = {
  // IAM policy analysis (cloudsplaining): unconstrained = Resource * (or no ARN possible), no Condition.
  CKV_AWS_286: {
    pass: iamPolicy(allow("iam:UpdateLoginProfile", "arn:aws:iam::1:user/u")),
    fail: iamPolicy(allow("iam:UpdateLoginProfile", "*")),
  },
  CKV_AWS_287: {
    pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")),
    fail: iamPolicy(allow("sts:GetSessionToken", "arn:aws:iam::1:role/r")),
  },
  CKV_AWS_288: {
    pass: iamPolicy(allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:eu-central-1:1:secret:s")),
    fail: iamPolicy(allow("s3:GetObject", "*")),
  },
  CKV_AWS_289: {
    pass: iamPolicy({ ...allow("kms:CreateGrant", "*"), Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } }),
    fail: iamPolicy(allow("s3:PutBucketPolicy", "*")),
  },
  CKV_AWS_290: { pass: iamPolicy(allow("xray:PutTraceSegments", "*")), fail: iamPolicy(allow("logs:PutLogEvents", "*")) },
  CKV_AWS_110: { pass: document(["iam:PassRole"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:PassRole", "ec2:RunInstances"], ["*"]) },
  CKV_AWS_107: { pass: document(["ecr:GetAuthorizationToken"], ["*"]), fail: document(["iam:CreateAccessKey"], ["*"]) },
  CKV_AWS_108: { pass: document(["s3:GetObject"], ["arn:aws:s3:::b/*"]), fail: document(["ssm:GetParameters"], ["*"]) },
  CKV_AWS_109: { pass: document(["iam:*"], ["arn:aws:iam::1:role/r"]), fail: document(["iam:*"], ["*"]) },
  CKV_AWS_111: { pass: document(["s3:*"], ["arn:aws:s3:::b"]), fail: document(["s3:*"], ["*"]) },
  CKV_AWS_355: { pass: iamPolicy(allow("ecr:GetAuthorizationToken", "*")), fail: iamPolicy(allow("ecs:DescribeServices", "*")) },
  CKV_AWS_356: { pass: document(["ec2:DescribeRegions"], ["*"]), fail: document(["ec2:Describe*"], ["*"]) },
};
