/**
 * CKV2_AWS_72 (Checkov CKV2_AWS_72): its `description` below says what it checks.
 * Scanner source:
 *
 * bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/CloudfrontOriginNotHTTPSOnly.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { blocks, isFalse } from "../helpers";
import { DIST } from "./shared";

export const CKV2_AWS_72: Rule = {
  id: "CKV2_AWS_72",
  checkov: "CKV2_AWS_72",
  severity: "high",
  resourceTypes: DIST,
  description:
    "An enabled distribution reaches no MediaStore, MediaPackage or ELB custom origin " +
    "(domain_name containing .mediastore., .mediapackage. or .elb.) without origin_protocol_policy https-only; " +
    "other domains are not judged, as in Checkov.",
  fix: '`custom_origin_config.origin_protocol_policy = "https-only"` on every ELB, MediaStore or MediaPackage origin.',
  check: (d) => {
    if (isFalse(d.config.enabled)) return pass;
    const bad = blocks(d.config.origin).filter(
      (o) =>
        blocks(o.custom_origin_config).some((c) => c.origin_protocol_policy !== "https-only") &&
        /\.(mediastore|mediapackage|elb)\./.test(String(o.domain_name)),
    );
    return bad.length > 0 ? fail(`${bad.map((o) => String(o.domain_name)).join(", ")} reached without https-only`) : pass;
  },
};
