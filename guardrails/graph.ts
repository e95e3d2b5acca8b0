/**
 * A stack's Terraform JSON as a graph: resources by type and address, and the `${...}`
 * references between them, so that rules can look at companion resources the way
 * Checkov's graph checks do (an edge exists only where one resource references another).
 */

export interface TfResource {
  /** `aws_s3_bucket`, or `provider.aws` for a provider block. */
  readonly type: string;
  readonly name: string;
  /** Terraform address, `aws_s3_bucket.StateBucket_3A0A90D0`. */
  readonly address: string;
  /** The resource's arguments, without cdktf's `//` metadata. */
  readonly config: Record<string, unknown>;
  /** Construct path (`stack/StateBucket/Bucket`) where cdktf recorded one. */
  readonly constructPath?: string;
}

export interface TfJsonDocument {
  /** `resource.<type>.<name>`: the body, or a list of one body as hcl2json reads HCL. */
  readonly resource?: Record<string, Record<string, Record<string, unknown> | Record<string, unknown>[]>>;
  /** `data.<type>.<name>`: data sources, read as `data.<type>` resources (Checkov's graph reads them too). */
  readonly data?: Record<string, Record<string, Record<string, unknown> | Record<string, unknown>[]>>;
  readonly provider?: Record<string, Record<string, unknown>[] | Record<string, unknown>>;
  readonly [key: string]: unknown;
}

const REFERENCE = /\$\{((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)/g;

/** Whether a construct path is `scope` or below it: `<stack>/EdgeTier` covers `<stack>/EdgeTier/Certificate`. */
export const isWithinScope = (constructPath: string | undefined, scope: string): boolean =>
  !!constructPath && (constructPath === scope || constructPath.startsWith(`${scope}/`));

/** A construct path inside its stack (`Observability/AppLogGroup`): what a config suppression's `path` names. */
export const pathInStack = (stack: string, constructPath: string): string =>
  constructPath.startsWith(`${stack}/`) ? constructPath.slice(stack.length + 1) : constructPath;

/** A document's graph: the one given, or built from the document (pass a graph to share one between readers). */
export const graphOf = (input: TfJsonDocument | TfGraph): TfGraph => (input instanceof TfGraph ? input : new TfGraph(input));

export class TfGraph {
  readonly resources: readonly TfResource[];
  private readonly byAddress = new Map<string, TfResource>();
  /** Resources of each type, in document order. */
  private readonly byType = new Map<string, TfResource[]>();
  /** Addresses (`type.name`) that a resource's `${...}` names but the document does not hold, in order of first mention. */
  readonly missingReferences: readonly string[];
  private readonly outgoing = new Map<string, TfResource[]>();
  private readonly incoming = new Map<string, TfResource[]>();

  constructor(readonly doc: TfJsonDocument) {
    const resources: TfResource[] = [];
    for (const [prefix, blocks] of [
      ["", doc.resource],
      ["data.", doc.data],
    ] as const) {
      for (const [bare, byName] of Object.entries(blocks ?? {})) {
        const type = `${prefix}${bare}`;
        for (const [name, body] of Object.entries(byName)) {
          // hcl2json (parsed cdk.tf) gives each resource as a list of one body.
          const raw = (Array.isArray(body) ? body[0] : body) as Record<string, unknown>;
          const { "//": meta, ...config } = raw;
          const constructPath = (meta as { metadata?: { path?: string } } | undefined)?.metadata?.path;
          resources.push({ type, name, address: `${type}.${name}`, config, constructPath });
        }
      }
    }
    for (const [name, blocks] of Object.entries(doc.provider ?? {})) {
      (Array.isArray(blocks) ? blocks : [blocks]).forEach((config, i) => {
        const alias = typeof config.alias === "string" ? config.alias : String(i);
        resources.push({ type: `provider.${name}`, name: alias, address: `provider.${name}.${alias}`, config });
      });
    }
    this.resources = resources;
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      const ofType = this.byType.get(r.type);
      if (ofType) ofType.push(r);
      else this.byType.set(r.type, [r]);
    }
    const missing = new Set<string>();
    for (const r of resources) {
      const targets = new Set<TfResource>();
      for (const m of JSON.stringify(r.config).matchAll(REFERENCE)) {
        const target = this.byAddress.get(`${m[1]}.${m[2]}`);
        if (!target) missing.add(`${m[1]}.${m[2]}`);
        else if (target !== r) targets.add(target);
      }
      this.outgoing.set(r.address, [...targets]);
      for (const t of targets) {
        const from = this.incoming.get(t.address);
        if (from) from.push(r);
        else this.incoming.set(t.address, [r]);
      }
    }
    this.missingReferences = [...missing];
  }

  /** Addresses that `${...}` references in `value` (any JSON) name but the document does not hold. */
  missingIn(value: unknown): string[] {
    const named = [...JSON.stringify(value ?? null).matchAll(REFERENCE)].map((m) => `${m[1]}.${m[2]}`);
    return [...new Set(named)].filter((address) => !this.byAddress.has(address));
  }

  get(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  ofType(type: string): TfResource[] {
    return [...(this.byType.get(type) ?? [])];
  }

  /** Resources of any of `types`, in document order; `*` stands for every resource that is not a data source. */
  ofTypes(types: readonly string[]): readonly TfResource[] {
    if (types.includes("*")) return this.resources.filter((r) => types.includes(r.type) || !r.type.startsWith("data."));
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    return this.resources.filter((r) => types.includes(r.type));
  }

  /** Resources of `type` that reference `target` (a bucket's versioning, an ACL's logging config). */
  referencing(target: TfResource, ...types: string[]): TfResource[] {
    return (this.incoming.get(target.address) ?? []).filter((r) => types.length === 0 || types.includes(r.type));
  }

  /** Resources of `type` that `source` references. */
  referencedBy(source: TfResource, ...types: string[]): TfResource[] {
    return (this.outgoing.get(source.address) ?? []).filter((r) => types.length === 0 || types.includes(r.type));
  }

  /**
   * Resources of `type` connected to `r` by a reference in either direction: Checkov's
   * graph connections are undirected (an aws_s3_bucket_logging whose target_bucket is this
   * bucket connects it as much as one whose bucket is).
   */
  connected(r: TfResource, ...types: string[]): TfResource[] {
    return [...new Set([...this.referencing(r, ...types), ...this.referencedBy(r, ...types)])];
  }

  /** The resource a single `${type.name.attr}` value points at. */
  resolveRef(value: unknown): TfResource | undefined {
    if (typeof value !== "string") return undefined;
    const m = /^\$\{((?:data\.)?[a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\.[^}]*)?\}$/.exec(value);
    return m ? this.byAddress.get(`${m[1]}.${m[2]}`) : undefined;
  }
}
