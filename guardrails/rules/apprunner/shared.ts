/** Readers and resource-type lists shared by the apprunner rules. */
import { get } from "../helpers";

export const SERVICE = ["aws_apprunner_service"];

/** Environment variable names of a service's image or code configuration. */
export function plainEnvNames(s: Record<string, unknown>): string[] {
  const configs = [
    get(s, "source_configuration.image_repository.image_configuration"),
    get(s, "source_configuration.code_repository.code_configuration.code_configuration_values"),
  ];
  return configs.flatMap((c) => Object.keys((get(c, "runtime_environment_variables") as Record<string, unknown> | undefined) ?? {}));
}
