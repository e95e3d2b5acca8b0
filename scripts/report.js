// `npm run report`: scripts/report.ts, bundled and run by ./run-bundled.js like the synth.
require("./run-bundled").runBundled("scripts/report.ts", "report");
