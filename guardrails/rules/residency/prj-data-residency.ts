/**
 * PRJ_DATA_RESIDENCY (project rule, no scanner equivalent): Every provider and every resource with its own
 * `region` is in the config's allowedRegions.
 */
import { fail, notApplicable, pass, type Rule, unknown } from "../../types";
import { isExpression } from "../helpers";

export const PRJ_DATA_RESIDENCY: Rule = {
  id: "PRJ_DATA_RESIDENCY",
  severity: "critical",
  resourceTypes: ["*"],
  description: "Every provider and every resource with its own `region` is in the config's allowedRegions.",
  fix: "Keep primaryRegion, environment regions, state.region and drRegion inside allowedRegions; never hard-code a region in a construct.",
  check: (r, _g, ctx) => {
    if (!ctx.allowedRegions) return notApplicable;
    const region = r.config.region;
    if (region === undefined) return r.type === "provider.aws" ? fail("provider has no region") : notApplicable;
    if (isExpression(region)) return unknown(`region is ${region}`);
    return ctx.allowedRegions.includes(String(region)) ? pass : fail(`region ${region} is outside ${ctx.allowedRegions.join(", ")}`);
  },
};
