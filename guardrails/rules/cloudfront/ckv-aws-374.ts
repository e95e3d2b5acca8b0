/**
 * CKV_AWS_374 (Checkov CKV_AWS_374): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/resource/aws/CloudFrontGeoRestrictionDisabled.py.
 */
import { fail, pass, type Rule } from "../../types";
import { get } from "../helpers";
import { DIST } from "./shared";

export const CKV_AWS_374: Rule = {
  id: "CKV_AWS_374",
  checkov: "CKV_AWS_374",
  severity: "low",
  resourceTypes: DIST,
  description: "geo_restriction.restriction_type is not none.",
  fix: "`restrictions.geo_restriction`: a whitelist of the countries you serve (GDPR: EU), or suppress.",
  check: (d) =>
    get(d.config, "restrictions.geo_restriction.restriction_type") === "none" ||
    !get(d.config, "restrictions.geo_restriction.restriction_type")
      ? fail("no geo restriction")
      : pass,
};
