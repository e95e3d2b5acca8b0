/** Readers and resource-type lists shared by the ecr rules. */

export const REPO = ["aws_ecr_repository"];
