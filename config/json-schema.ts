import { z } from "zod";
import { AppSpecSchema } from "./schema";

/** The JSON Schema configs reference with `$schema`, as committed in app-spec.schema.json. */
export function appSpecJsonSchema(): string {
  const schema = z.toJSONSchema(AppSpecSchema, { target: "draft-7", io: "input" });
  return `${JSON.stringify({ ...schema, title: "AppSpec" }, null, 2)}\n`;
}
