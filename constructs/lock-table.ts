import { Construct } from "constructs";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";

export interface LockTableProps {
  /** Table name (`<app>-<env>-tflock` by default). */
  readonly tableName: string;
  /** ARN of the customer-managed KMS key that encrypts the table. */
  readonly kmsKeyArn: string;
  /** Terraform `prevent_destroy`. @default true */
  readonly preventDestroy?: boolean;
}

/**
 * The DynamoDB table Terraform's S3 backend locks state with: hash key `LockID`,
 * on-demand capacity, point-in-time recovery, CMK encryption, deletion protection.
 */
export class LockTable extends Construct {
  public readonly tableName: string;
  public readonly tableArn: string;

  constructor(scope: Construct, id: string, props: LockTableProps) {
    super(scope, id);
    const table = new DynamodbTable(this, "Table", {
      name: props.tableName,
      billingMode: "PAY_PER_REQUEST",
      hashKey: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: true,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.tableName = table.name;
    this.tableArn = table.arn;
  }
}
