/** Readers and resource-type lists shared by the kms rules. */

export const KEY = ["aws_kms_key"];
