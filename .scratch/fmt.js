const t0 = Date.now();
const { format } = require("@cdktf/hcl-tools");
(async () => {
  const a = Date.now();
  const r = await format('resource "a" "b" {\nx=1\n}\n');
  const b = Date.now();
  const r2 = await format('resource "a" "c" {\nx=1\n}\n');
  console.log("load", a - t0, "first format", b - a, "second", Date.now() - b);
  process.on("exit", () => console.log("exit at", Date.now() - t0));
})();
