import { Construct } from "constructs";
import { BackupPlan as BackupPlanResource } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { BackupVaultNotifications } from "@cdktf/provider-aws/lib/backup-vault-notifications";
import { awsManagedPolicyArn, ServiceRole } from "./service-role";

/** The AWS managed policy the backup role carries: backup and copy, not restore. */
export const BACKUP_SERVICE_POLICY = "service-role/AWSBackupServiceRolePolicyForBackup";

/** Name of the vaults of a plan named `name` (here and in the copy's region). */
export const backupVaultName = (name: string): string => `${name}-backups`;

/**
 * What the vaults notify: BACKUP_JOB_COMPLETED (AWS Backup deprecated BACKUP_JOB_FAILED; a
 * completed job carries its outcome in the `State` message attribute, which
 * BACKUP_SUCCESS_FILTER_POLICY filters on), COPY_JOB_FAILED (the DR copy), and who reads or
 * changes the recovery points: RESTORE_JOB_STARTED, RESTORE_JOB_COMPLETED (a restore copies
 * the PHI into a new database) and RECOVERY_POINT_MODIFIED (retention or lifecycle changed).
 * Names as PutBackupVaultNotifications lists them (its supported, not deprecated, events).
 */
export const BACKUP_VAULT_EVENTS = [
  "BACKUP_JOB_COMPLETED",
  "COPY_JOB_FAILED",
  "RESTORE_JOB_STARTED",
  "RESTORE_JOB_COMPLETED",
  "RECOVERY_POINT_MODIFIED",
] as const;

/**
 * SNS subscription filter policy that drops AWS Backup's successful backup jobs
 * (`EventType` BACKUP_JOB with `State` COMPLETED) and passes everything else: restores and
 * recovery-point changes whatever their state, and every message without a `State`
 * attribute (CloudWatch alarms, budgets, EventBridge rules).
 */
export const BACKUP_SUCCESS_FILTER_POLICY = JSON.stringify({
  $or: [{ State: [{ "anything-but": ["COMPLETED"] }, { exists: false }] }, { EventType: [{ "anything-but": ["BACKUP_JOB"] }] }],
});

export interface BackupPlanProps {
  /** Names the vault, plan, selection and role: `<name>-backups`, `<name>-backup`. */
  readonly name: string;
  /** ARNs of the resources backed up (an Aurora cluster). */
  readonly resourceArns: readonly string[];
  /** AWS Backup cron expression (UTC) of the daily job. */
  readonly schedule: string;
  /** Days each recovery point is kept, here and in the copy. */
  readonly retentionDays: number;
  /** CMK of the vault in this region. */
  readonly kmsKeyArn: string;
  /**
   * Copy every recovery point to a vault in another region, encrypted with `kmsKeyArn`, a
   * key of that region. @default - recovery points stay in this region
   */
  readonly copyTo?: {
    readonly region: string;
    readonly kmsKeyArn: string;
    /**
     * SNS topic of that region notified of BACKUP_VAULT_EVENTS on the copy vault (AWS Backup
     * publishes only to a topic of the vault's region); its policy and key must admit
     * backup.amazonaws.com for that vault. @default - the copy vault notifies no one
     */
    readonly notificationTopicArn?: string;
  };
  /**
   * Vault Lock on every vault: recovery points cannot be deleted before `retentionDays`, nor
   * the retention shortened. GOVERNANCE (no `changeableForDays`): a principal allowed
   * backup:DeleteBackupVaultLockConfiguration can lift it. COMPLIANCE: `changeableForDays`
   * after it is applied, no one can lift it, root and AWS included, until the vault is empty.
   */
  readonly lock: { readonly mode: "GOVERNANCE" | "COMPLIANCE"; readonly changeableForDays?: number };
  /**
   * SNS topic notified of BACKUP_VAULT_EVENTS on the vault in this region (copy jobs run
   * from it); its policy and key must admit backup.amazonaws.com for this vault.
   * @default - no notifications
   */
  readonly notificationTopicArn?: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * A daily AWS Backup plan for the given resources: a locked vault under the CMK, recovery
 * points kept `retentionDays`, optionally copied to a locked vault in a second region under
 * that region's key (how an Aurora cluster's backups reach the DR region: Aurora has no
 * automated backup replication), failed jobs, restores and recovery-point changes notified
 * to a topic of each vault's region. The role can back up and
 * copy, not restore: a restore runs under the operator's own role (README, Aurora PostgreSQL).
 */
export class BackupPlan extends Construct {
  public readonly vaultArn: string;
  /** The vault in the copy's region, when there is one. */
  public readonly copyVaultArn?: string;

  constructor(scope: Construct, id: string, props: BackupPlanProps) {
    super(scope, id);
    if (props.lock.mode === "COMPLIANCE" && props.lock.changeableForDays === undefined) {
      throw new Error(`BackupPlan ${this.node.path}: a COMPLIANCE lock needs \`changeableForDays\` (a grace period; AWS's minimum is 3).`);
    }
    if (props.lock.mode === "GOVERNANCE" && props.lock.changeableForDays !== undefined) {
      throw new Error(
        `BackupPlan ${this.node.path}: \`changeableForDays\` turns the lock into COMPLIANCE mode; leave it out for GOVERNANCE.`,
      );
    }
    const vaultName = backupVaultName(props.name);
    const vault = new BackupVault(this, "Vault", { name: vaultName, kmsKeyArn: props.kmsKeyArn });
    const copy =
      props.copyTo &&
      new BackupVault(this, "CopyVault", {
        name: vaultName,
        kmsKeyArn: props.copyTo.kmsKeyArn,
        region: props.copyTo.region,
      });
    for (const [id, v] of [
      ["VaultLock", vault],
      ["CopyVaultLock", copy],
    ] as const) {
      if (!v) continue;
      new BackupVaultLockConfiguration(this, id, {
        backupVaultName: v.name,
        // No job may keep a recovery point shorter than the plan does.
        minRetentionDays: props.retentionDays,
        ...(props.lock.changeableForDays !== undefined ? { changeableForDays: props.lock.changeableForDays } : {}),
        ...(v === copy ? { region: props.copyTo!.region } : {}),
      });
    }
    if (props.notificationTopicArn) {
      new BackupVaultNotifications(this, "Notifications", {
        backupVaultName: vault.name,
        snsTopicArn: props.notificationTopicArn,
        backupVaultEvents: [...BACKUP_VAULT_EVENTS],
      });
    }
    if (copy && props.copyTo?.notificationTopicArn) {
      // Restores from the DR copy and changes to its recovery points, in the copy's region.
      new BackupVaultNotifications(this, "CopyNotifications", {
        backupVaultName: copy.name,
        snsTopicArn: props.copyTo.notificationTopicArn,
        backupVaultEvents: [...BACKUP_VAULT_EVENTS],
        region: props.copyTo.region,
      });
    }
    const lifecycle = { deleteAfter: props.retentionDays };
    const plan = new BackupPlanResource(this, "Plan", {
      name: `${props.name}-backup`,
      rule: [
        {
          ruleName: "daily",
          targetVaultName: vault.name,
          schedule: props.schedule,
          startWindow: 60,
          completionWindow: 360,
          lifecycle,
          ...(copy ? { copyAction: [{ destinationVaultArn: copy.arn, lifecycle }] } : {}),
        },
      ],
    });
    const keys = [props.kmsKeyArn, ...(props.copyTo ? [props.copyTo.kmsKeyArn] : [])];
    const role = new ServiceRole(this, "Role", {
      roleName: `${props.name}-backup`,
      service: "backup.amazonaws.com",
      sourceAccountId: props.accountId,
      description: `AWS Backup of ${props.name}`,
      // Backup and copy only: restoring creates databases, which this role never needs to do.
      managedPolicyArns: [awsManagedPolicyArn(props.partition, BACKUP_SERVICE_POLICY)],
      // Snapshots under the vaults' keys, the copy re-encrypted under the second region's.
      statements: [
        {
          Sid: "UseVaultKeys",
          Effect: "Allow",
          Action: ["kms:DescribeKey", "kms:GenerateDataKey", "kms:Decrypt", "kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo"],
          Resource: keys,
        },
        // Grants only to the AWS services that make the snapshots and copies, never to a principal.
        {
          Sid: "GrantVaultKeysToServices",
          Effect: "Allow",
          Action: "kms:CreateGrant",
          Resource: keys,
          Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
      ],
    });
    new BackupSelection(this, "Selection", {
      name: `${props.name}-backup`,
      planId: plan.id,
      iamRoleArn: role.roleArn,
      resources: [...props.resourceArns],
      dependsOn: [role.policyReady],
    });
    this.vaultArn = vault.arn;
    this.copyVaultArn = copy?.arn;
  }
}
