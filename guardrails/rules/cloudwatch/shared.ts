/** Readers and resource-type lists shared by the cloudwatch rules. */

export const LOG_GROUP = ["aws_cloudwatch_log_group"];
