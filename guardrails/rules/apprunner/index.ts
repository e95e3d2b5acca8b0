/**
 * App Runner: neither Checkov nor Trivy has a rule (scanner-rules.md §2.17), so these are
 * project rules for what a HIPAA/GDPR reviewer asks of a service holding PHI.
 */
import type { Rule } from "../../types";
import { PRJ_APPRUNNER_CMK } from "./prj-apprunner-cmk";
import { PRJ_APPRUNNER_VPC_EGRESS } from "./prj-apprunner-vpc-egress";
import { PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS } from "./prj-apprunner-no-plaintext-secrets";

/** In the order findings are reported. */
export const apprunnerRules: Rule[] = [PRJ_APPRUNNER_CMK, PRJ_APPRUNNER_VPC_EGRESS, PRJ_APPRUNNER_NO_PLAINTEXT_SECRETS];
