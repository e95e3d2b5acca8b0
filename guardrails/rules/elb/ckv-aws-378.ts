/**
 * CKV_AWS_378 (Checkov CKV_AWS_378): its `description` below says what it checks.
 * Scanner source: bridgecrewio/checkov/checkov/terraform/checks/graph_checks/aws/LBTargetGroup.yaml.
 */
import { fail, pass, type Rule } from "../../types";
import { LISTENER, TARGET_GROUP } from "./shared";

export const CKV_AWS_378: Rule = {
  id: "CKV_AWS_378",
  checkov: "CKV_AWS_378",
  severity: "low",
  resourceTypes: TARGET_GROUP,
  description: "Target group protocol is not HTTP, or a listener connected to it exists and none of them is HTTP.",
  fix: '`protocol = "HTTPS"` to the targets, or suppress with the in-VPC hop reason.',
  check: (tg, g) => {
    if (tg.config.protocol !== "HTTP") return pass;
    const listeners = g.connected(tg, ...LISTENER);
    return listeners.length > 0 && listeners.every((l) => l.config.protocol !== "HTTP") ? pass : fail("plain HTTP to targets");
  },
};
