import { Construct } from "constructs";
import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";

export interface LockTableProps {
  /** Table name (`<app>-<env>-tflock` by default). */
  readonly tableName: string;
  /** ARN of the customer-managed KMS key that encrypts the table. */
  readonly kmsKeyArn: string;
}

/**
 * The DynamoDB table Terraform's S3 backend locks state with: hash key `LockID`,
 * on-demand capacity, point-in-time recovery, CMK encryption. Deletion protection and
 * prevent_destroy come from the stack's protection aspect (`stacks/protection.ts`).
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
    });
    this.tableName = table.name;
    this.tableArn = table.arn;
  }
}
