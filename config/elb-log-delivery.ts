/**
 * Who writes ALB access logs into the log bucket, as AWS documents per region ("Enable
 * access logs for your Application Load Balancer"): in regions older than the log
 * delivery service principal, the region's Elastic Load Balancing account; in regions
 * opened since (Jakarta, December 2021, onwards), `logdelivery.elasticloadbalancing.amazonaws.com`.
 */

/** The ELB account of each region that predates the service principal. */
const ELB_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "af-south-1": "098369216593",
  "ap-east-1": "754344448648",
  "ap-south-1": "718504428378",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-south-1": "635631232127",
  "eu-north-1": "897822967062",
  "me-south-1": "076674570225",
  "sa-east-1": "507241528517",
  "us-gov-west-1": "048591011584",
  "us-gov-east-1": "190560391635",
};

/** The principal ALB log delivery writes with in `region`. */
export type ElbLogDelivery = { readonly elbAccountId: string } | { readonly service: "logdelivery.elasticloadbalancing.amazonaws.com" };

export function elbLogDelivery(region: string): ElbLogDelivery {
  const account = ELB_ACCOUNTS[region];
  return account ? { elbAccountId: account } : { service: "logdelivery.elasticloadbalancing.amazonaws.com" };
}
