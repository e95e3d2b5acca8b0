/**
 * How an app connects to a data store: settings named `<PREFIX>_<NAME>` for the compute
 * tier to put in its environment. Plain values carry no secret; credentials are references
 * the runtime resolves at start (ECS `secrets[].valueFrom`, App Runner
 * `runtime_environment_secrets`), so no credential value reaches the synthesized JSON, and a
 * rotated password (RDS rotates its managed one every 7 days) is read fresh at each start.
 */

/** A whole secret, or one key of a JSON secret, in Secrets Manager. */
export interface SecretReference {
  readonly secretArn: string;
  /** Key inside a JSON secret. @default - the whole secret string */
  readonly jsonKey?: string;
}

export interface ConnectionSettings {
  /** Plain settings: `<P>_URL` (no credentials in it), `<P>_HOST`, `<P>_PORT`, extras. */
  readonly values: Readonly<Record<string, string>>;
  /** Settings injected from Secrets Manager: `<P>_PASSWORD` and the like. */
  readonly secrets: Readonly<Record<string, SecretReference>>;
}

export interface ConnectionProps {
  /** Setting name prefix: `REDIS`, `DATABASE`. */
  readonly prefix: string;
  /** URL scheme: `rediss` (Redis over TLS), `postgresql`, `mysql`. */
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** URL path after the port: the database name. @default - none */
  readonly path?: string;
  /** More plain settings by suffix (`NAME` gives `<P>_NAME`). @default - none */
  readonly values?: Readonly<Record<string, string>>;
  /** Credentials by suffix (`PASSWORD` gives `<P>_PASSWORD`), each a reference. */
  readonly credentials: Readonly<Record<string, SecretReference>>;
}

const prefixed = <T>(prefix: string, entries: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [`${prefix}_${k}`, v]));

/** The connection settings of one data store (see the module comment). */
export function connectionSettings(p: ConnectionProps): ConnectionSettings {
  const url = `${p.scheme}://${p.host}:${p.port}${p.path ? `/${p.path}` : ""}`;
  return {
    values: prefixed(p.prefix, { URL: url, HOST: p.host, PORT: String(p.port), ...p.values }),
    secrets: prefixed(p.prefix, p.credentials),
  };
}

/**
 * ECS `valueFrom`: the ARN, plus `:<key>::` for a JSON key. App Runner documents whole
 * secrets (the ARN alone) for `runtime_environment_secrets`.
 */
export const valueFrom = (ref: SecretReference): string =>
  ref.jsonKey ? `${ref.secretArn}:${ref.jsonKey}::` : ref.secretArn;
