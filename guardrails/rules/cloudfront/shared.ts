/** Readers and resource-type lists shared by the cloudfront rules. */
import type { TfResource } from "../../graph";
import { blocks } from "../helpers";

export const DIST = ["aws_cloudfront_distribution"];
export const behaviors = (d: TfResource) => [...blocks(d.config.default_cache_behavior), ...blocks(d.config.ordered_cache_behavior)];
export const TRIVY_TLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
