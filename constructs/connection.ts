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

/** What a relational database (RDS instance or Aurora cluster) tells its clients. */
export interface DatabaseConnectionProps {
  /** `postgresql` or `mysql`. */
  readonly scheme: string;
  /** The writer's endpoint. */
  readonly host: string;
  readonly port: number;
  readonly databaseName: string;
  /** The master user: a name, no secret (the config fixes it). */
  readonly username: string;
  /** JSON secret with the master credentials; its `password` key is the password. */
  readonly masterSecretArn: string;
  /** A read-only endpoint (Aurora's reader endpoint). @default - none */
  readonly readerHost?: string;
}

/**
 * `DATABASE_URL` (`postgresql://host:5432/name`, no credentials), `DATABASE_HOST`,
 * `DATABASE_PORT`, `DATABASE_NAME`, `DATABASE_USERNAME` (and `DATABASE_READER_HOST`) plain;
 * `DATABASE_PASSWORD` by reference to the `password` key of the master secret.
 */
export const databaseConnection = (p: DatabaseConnectionProps): ConnectionSettings =>
  connectionSettings({
    prefix: "DATABASE",
    scheme: p.scheme,
    host: p.host,
    port: p.port,
    path: p.databaseName,
    values: { NAME: p.databaseName, USERNAME: p.username, ...(p.readerHost ? { READER_HOST: p.readerHost } : {}) },
    credentials: { PASSWORD: { secretArn: p.masterSecretArn, jsonKey: "password" } },
  });

/**
 * ECS `valueFrom`: the ARN, plus `:<key>::` for a JSON key. App Runner documents whole
 * secrets (the ARN alone) for `runtime_environment_secrets`.
 */
export const valueFrom = (ref: SecretReference): string => (ref.jsonKey ? `${ref.secretArn}:${ref.jsonKey}::` : ref.secretArn);
