/** Writes config/app-spec.schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { appSpecJsonSchema } from "../config/json-schema";

const file = join(__dirname, "..", "config", "app-spec.schema.json");
writeFileSync(file, appSpecJsonSchema());
console.log(`wrote ${file}`);
