/** Readers and resource-type lists shared by the cloudtrail rules. */
import type { TfGraph, TfResource } from "../../graph";

export const TRAIL = ["aws_cloudtrail"];
/** The trail's bucket, matched by reference or by name as Trivy does. */
export const trailBucket = (t: TfResource, g: TfGraph) =>
  g.resolveRef(t.config.s3_bucket_name) ?? g.ofType("aws_s3_bucket").find((b) => b.config.bucket === t.config.s3_bucket_name);
