import { applyCdktfSpeedups } from "../stacks/cdktf-speedups";
applyCdktfSpeedups();
const resolver = require("cdktf/lib/tokens/private/resolve");
const { TokenMap } = require("cdktf/lib/tokens/private/token-map");
const orig = resolver.resolve;
const kinds = new Map<string, number>();
let depth = 0;
resolver.resolve = function (obj: any, options: any) {
  if (depth === 0) {} 
  return orig(obj, options);
};
// wrap cdktf's original via the patched function's byCdktf is internal; instead patch TokenMap.lookupToken
const lt = TokenMap.prototype.lookupToken;
TokenMap.prototype.lookupToken = function (key: string) {
  const t = lt.call(this, key);
  const name = t?.constructor?.name ?? "none";
  kinds.set(name, (kinds.get(name) ?? 0) + 1);
  return t;
};
const { loadSpecFile } = require("../config/load");
const { buildApp } = require("../stacks/build-app");
const built = buildApp(loadSpecFile("examples/ecs-mysql-dr.json"), "/tmp/countout", { hclOutput: false, attachGuardrails: false });
kinds.clear();
built.app.synth();
console.log([...kinds].sort((a, b) => b[1] - a[1]));
