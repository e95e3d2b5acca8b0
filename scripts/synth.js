// `npm run synth` / `cdktf synth`: main.ts, bundled and run by ./run-bundled.js (how and why it is fast).
require("./run-bundled").runBundled("main.ts", "main");
