import { Construct } from "constructs";
import { DataAwsRoute53Zone } from "@cdktf/provider-aws/lib/data-aws-route53-zone";

export interface HostedZonesProps {
  /** Public zones by name, each looked up by its id when given, else by name. */
  readonly zones: readonly { readonly name: string; readonly zoneId?: string }[];
}

/**
 * Lookups of existing Route 53 hosted zones (data sources: this stack creates no zone), made
 * on first use: an environment looks up only the zones its own names need (another
 * environment's zone may live in another account, where this one's plan cannot read it).
 */
export class HostedZones extends Construct {
  private readonly declared: ReadonlyMap<string, HostedZonesProps["zones"][number]>;
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, id: string, props: HostedZonesProps) {
    super(scope, id);
    this.declared = new Map(props.zones.map((z) => [z.name, z]));
  }

  /** The zone id of `name` (a zone of the config), looked up the first time it is asked for. */
  zoneId(name: string): string {
    const z = this.declared.get(name);
    if (!z) throw new Error(`HostedZones: no zone "${name}" (declared: ${[...this.declared.keys()].join(", ") || "none"}).`);
    let id = this.ids.get(name);
    if (id === undefined) {
      const zone = new DataAwsRoute53Zone(this, `Zone-${z.name.replace(/\./g, "-")}`, {
        ...(z.zoneId ? { zoneId: z.zoneId } : { name: z.name }),
        privateZone: false,
      });
      id = zone.zoneId;
      this.ids.set(name, id);
    }
    return id;
  }
}
