import { Construct } from "constructs";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";

export interface HostedZonesProps {
  /** Public zones by name, each looked up by its id when given, else by name. */
  readonly zones: readonly { readonly name: string; readonly zoneId?: string }[];
}

/** Lookups of existing Route 53 hosted zones (data sources: this stack creates no zone). */
export class HostedZones extends Construct {
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, id: string, props: HostedZonesProps) {
    super(scope, id);
    for (const z of props.zones) {
      const zone = new DataAwsRoute53Zone(this, `Zone-${z.name.replace(/\./g, "-")}`, {
        ...(z.zoneId ? { zoneId: z.zoneId } : { name: z.name }),
        privateZone: false,
      });
      this.ids.set(z.name, zone.zoneId);
    }
  }

  /** The zone id of `name` (a zone of the config). */
  zoneId(name: string): string {
    const id = this.ids.get(name);
    if (!id) throw new Error(`HostedZones: no zone "${name}" (declared: ${[...this.ids.keys()].join(", ") || "none"}).`);
    return id;
  }
}
