/**
 * CKV_AWS_211 (Checkov CKV_AWS_211): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/resource/aws/RDSCACertIsRecent.py.
 */
import type { Rule } from "../../types";
import { attributeRule } from "../helpers";
import { INSTANCE } from "./shared";

export const CKV_AWS_211: Rule = attributeRule(
  {
    id: "CKV_AWS_211",
    checkov: "CKV_AWS_211",
    severity: "medium",
    resourceTypes: INSTANCE,
    description: "ca_cert_identifier, if set, is rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1.",
    fix: "`ca_cert_identifier`: rds-ca-rsa2048-g1, rds-ca-rsa4096-g1 or rds-ca-ecc384-g1 (Database does this).",
  },
  "ca_cert_identifier",
  (v) => v === undefined || ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"].includes(String(v)),
  "a current CA",
);
