/** ECS Fargate: scanner-rules.md §2.8. Container definitions are read from their JSON string. */
import type { Rule } from "../../types";
import { CKV_AWS_65 } from "./ckv-aws-65";
import { CKV_AWS_223 } from "./ckv-aws-223";
import { CKV_AWS_224 } from "./ckv-aws-224";
import { CKV_AWS_336 } from "./ckv-aws-336";
import { CKV_AWS_334 } from "./ckv-aws-334";
import { CKV_AWS_335 } from "./ckv-aws-335";
import { CKV_AWS_97 } from "./ckv-aws-97";
import { CKV_AWS_249 } from "./ckv-aws-249";
import { AWS_0036 } from "./aws-0036";
import { CKV_AWS_332 } from "./ckv-aws-332";
import { CKV_AWS_333 } from "./ckv-aws-333";

/** In the order findings are reported. */
export const ecsRules: Rule[] = [
  CKV_AWS_65,
  CKV_AWS_223,
  CKV_AWS_224,
  CKV_AWS_336,
  CKV_AWS_334,
  CKV_AWS_335,
  CKV_AWS_97,
  CKV_AWS_249,
  AWS_0036,
  CKV_AWS_332,
  CKV_AWS_333,
];
