// `npm run guardrails`: guardrails/cli.ts, bundled and run by ./run-bundled.js like the synth.
require("./run-bundled").runBundled("guardrails/cli.ts", "guardrails");
