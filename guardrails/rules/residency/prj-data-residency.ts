/**
 * PRJ_DATA_RESIDENCY (project rule, no scanner equivalent): its `description` below says what it checks.
 */
import { isWithinScope } from "../../graph";
import { fail, notApplicable, pass, type Rule, unknown } from "../../types";
import { isExpression } from "../helpers";

export const PRJ_DATA_RESIDENCY: Rule = {
  id: "PRJ_DATA_RESIDENCY",
  severity: "critical",
  resourceTypes: ["*"],
  description:
    "Every provider and every resource with its own `region` is in the config's allowedRegions, or is of a type and below a construct " +
    "scope that a named residency exception admits in its region.",
  fix:
    "`region` (provider or resource): one of allowedRegions, as are primaryRegion, state.region and " +
    "drRegion; CloudFront's us-east-1 parts need a named residencyExceptions entry.",
  check: (r, _g, ctx) => {
    if (!ctx.allowedRegions) return notApplicable;
    const region = r.config.region;
    if (region === undefined) return r.type === "provider.aws" ? fail("provider has no region") : notApplicable;
    if (isExpression(region)) return unknown(`region is ${region}`);
    if (ctx.allowedRegions.includes(String(region))) return pass;
    // A named exception admits its region for its resource types below its construct scopes, nothing else.
    const admitted = (ctx.residencyExceptions ?? []).some(
      (e) => e.region === region && e.resourceTypes.includes(r.type) && e.constructScopes.some((s) => isWithinScope(r.constructPath, s)),
    );
    return admitted ? pass : fail(`region ${region} is outside ${ctx.allowedRegions.join(", ")}`);
  },
};
