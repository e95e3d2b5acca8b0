/**
 * CKV2_AWS_54 (Checkov CKV2_AWS_54): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudFrontUsesSecureProtocolsForHTTPS.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { all } from "../helpers";
import { DIST } from "./shared";

export const CKV2_AWS_54: Rule = {
  id: "CKV2_AWS_54",
  checkov: "CKV2_AWS_54",
  severity: "high",
  resourceTypes: DIST,
  description: "No custom origin allows SSLv3.",
  fix: '`custom_origin_config.origin_ssl_protocols = ["TLSv1.2"]`.',
  check: (d) =>
    all(d.config, "origin.custom_origin_config.origin_ssl_protocols").flat().includes("SSLv3") ? fail("SSLv3 to origin") : pass,
};
