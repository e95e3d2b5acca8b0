/** Readers and resource-type lists shared by the dynamodb rules. */

export const TABLE = ["aws_dynamodb_table"];
