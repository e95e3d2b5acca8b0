/**
 * Listener rules of the ALB's HTTPS listener. A plain function: the rule is created in the
 * caller's scope, so its address is the caller's.
 */
import type { Construct } from "constructs";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";

export interface ForwardRuleProps {
  readonly listenerArn: string;
  /** Lower is evaluated first; unique on the listener (the config checks it). */
  readonly priority: number;
  /** Path patterns, any of which matches. @default - any path */
  readonly pathPatterns?: readonly string[];
  /** Host header patterns, any of which matches (with paths: both must match). @default - any host */
  readonly hostHeaders?: readonly string[];
  readonly targetGroupArn: string;
  /** A header every request must carry besides (CloudFront's secret origin header). @default - none */
  readonly requiredHeader?: { readonly name: string; readonly value: string };
}

/** Forward requests matching the paths and hosts to one target group. */
export function forwardRule(scope: Construct, id: string, props: ForwardRuleProps): LbListenerRule {
  const paths = props.pathPatterns ?? [];
  const hosts = props.hostHeaders ?? [];
  if (paths.length + hosts.length === 0) throw new Error(`forwardRule ${id}: give \`pathPatterns\` or \`hostHeaders\` (got neither).`);
  return new LbListenerRule(scope, id, {
    listenerArn: props.listenerArn,
    priority: props.priority,
    condition: [
      ...(paths.length > 0 ? [{ pathPattern: { values: [...paths] } }] : []),
      ...(hosts.length > 0 ? [{ hostHeader: { values: [...hosts] } }] : []),
      ...(props.requiredHeader
        ? [{ httpHeader: { httpHeaderName: props.requiredHeader.name, values: [props.requiredHeader.value] } }]
        : []),
    ],
    action: [{ type: "forward", targetGroupArn: props.targetGroupArn }],
  });
}
