/**
 * One protection model: which resource types hold state that a destroy or a replacement
 * would lose, and one aspect that protects every one of them in a stack. Constructs do not
 * decide protection; the stack applies the resolved decision to everything in it, including
 * resources added after the stack was built.
 */
import type { IConstruct } from "constructs";
import { Aspects, TerraformResource, type IAspect } from "cdktf";

/**
 * Resource types whose destroy or replacement loses data, keys, evidence or a generated
 * secret. The protection aspect and the address-pinning test both read this list.
 */
export const STATEFUL_RESOURCE_TYPES: readonly string[] = [
  "aws_s3_bucket", // objects
  "aws_dynamodb_table", // items (the state lock table)
  "aws_kms_key", // everything encrypted with it
  "aws_kms_alias", // what callers and policies name the key by
  "aws_cloudwatch_log_group", // log events, audit evidence among them
  "aws_secretsmanager_secret", // the secret and its versions
  "random_password", // a generated secret: replacing it changes the value
  "aws_db_instance", // a database
  "aws_rds_cluster", // an Aurora cluster's storage
  // The DR recovery point: a replacement stops replication and restarts it from nothing.
  "aws_db_instance_automated_backups_replication",
  "aws_elasticache_replication_group", // cache data
  "aws_backup_vault", // recovery points (an Aurora cluster's daily backups and their DR copies)
  "aws_ecr_repository", // images
  // Not data, but its destroy removes the default retention: new evidence would go unlocked.
  "aws_s3_bucket_object_lock_configuration",
  "aws_guardduty_detector", // its findings: deleting a detector deletes them
  // Its logs stay in the bucket, but a destroy or replacement records nothing until it is back.
  "aws_cloudtrail",
];

/** The attribute that turns on AWS's own deletion protection, for types that have one. */
const DELETION_PROTECTION_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_dynamodb_table: "deletion_protection_enabled",
  aws_db_instance: "deletion_protection",
  aws_rds_cluster: "deletion_protection",
};

/** Is this a stateful resource type (see STATEFUL_RESOURCE_TYPES)? */
export const isStateful = (type: string): boolean => STATEFUL_RESOURCE_TYPES.includes(type);

/**
 * Sets `lifecycle.prevent_destroy` (and AWS deletion protection where the type has it) on
 * every stateful resource below the scope, keeping any other lifecycle settings.
 */
export class ProtectStatefulResources implements IAspect {
  constructor(private readonly preventDestroy: boolean) {}

  visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource) || !isStateful(node.terraformResourceType)) return;
    node.lifecycle = { ...node.lifecycle, preventDestroy: this.preventDestroy };
    const attribute = DELETION_PROTECTION_ATTRIBUTE[node.terraformResourceType];
    if (attribute) node.addOverride(attribute, this.preventDestroy);
  }
}

/** Protect (or explicitly leave unprotected) every stateful resource in `scope`. */
export function protectStatefulResources(scope: IConstruct, preventDestroy: boolean): void {
  Aspects.of(scope).add(new ProtectStatefulResources(preventDestroy));
}
