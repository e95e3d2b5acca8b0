import { Construct } from "constructs";
import { BackupPlan as BackupPlanResource } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { ServiceRole } from "./service-role";

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
  readonly copyTo?: { readonly region: string; readonly kmsKeyArn: string };
  readonly accountId: string;
  readonly partition: string;
}

/**
 * A daily AWS Backup plan for the given resources: a vault under the CMK, recovery points
 * kept `retentionDays`, optionally copied to a vault in a second region under that
 * region's key (how an Aurora cluster's backups reach the DR region: Aurora has no
 * automated backup replication). The role is AWS Backup's own, with the managed policies
 * AWS documents for backup and restore.
 */
export class BackupPlan extends Construct {
  public readonly vaultArn: string;
  /** The vault in the copy's region, when there is one. */
  public readonly copyVaultArn?: string;

  constructor(scope: Construct, id: string, props: BackupPlanProps) {
    super(scope, id);
    const vaultName = `${props.name}-backups`;
    const vault = new BackupVault(this, "Vault", { name: vaultName, kmsKeyArn: props.kmsKeyArn });
    const copy =
      props.copyTo &&
      new BackupVault(this, "CopyVault", {
        name: vaultName,
        kmsKeyArn: props.copyTo.kmsKeyArn,
        region: props.copyTo.region,
      });
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
    const policy = (name: string) => `arn:${props.partition}:iam::aws:policy/service-role/${name}`;
    const keys = [props.kmsKeyArn, ...(props.copyTo ? [props.copyTo.kmsKeyArn] : [])];
    const role = new ServiceRole(this, "Role", {
      roleName: `${props.name}-backup`,
      service: "backup.amazonaws.com",
      sourceAccountId: props.accountId,
      description: `AWS Backup of ${props.name}`,
      managedPolicyArns: [policy("AWSBackupServiceRolePolicyForBackup"), policy("AWSBackupServiceRolePolicyForRestores")],
      // Snapshots under the vaults' keys, the copy re-encrypted under the second region's.
      statements: [
        {
          Sid: "UseVaultKeys",
          Effect: "Allow",
          Action: [
            "kms:DescribeKey",
            "kms:CreateGrant",
            "kms:GenerateDataKey",
            "kms:Decrypt",
            "kms:Encrypt",
            "kms:ReEncryptFrom",
            "kms:ReEncryptTo",
          ],
          Resource: keys,
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
