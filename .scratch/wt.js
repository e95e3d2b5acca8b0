const fs = require("fs"); const path = require("path"); const orig = fs.writeFileSync; const by = new Map();
const rec = (f, s, len) => { const k = path.basename(String(f)).replace(/\.\d+\.tmp$/, ""); const e = by.get(k) ?? { n: 0, t: 0, b: 0 }; e.n++; e.t += Number(process.hrtime.bigint() - s) / 1e6; e.b += len; by.set(k, e); };
fs.writeFileSync = function (...a) { const s = process.hrtime.bigint(); try { return orig.apply(this, a); } finally { rec(a[0], s, a[1]?.length ?? 0); } };
const oa = fs.appendFileSync; fs.appendFileSync = function (...a) { const s = process.hrtime.bigint(); try { return oa.apply(this, a); } finally { rec(a[0], s, a[1]?.length ?? 0); } };
process.on("exit", () => { for (const [k, e] of [...by].sort((x, y) => y[1].t - x[1].t)) console.error(k.padEnd(22), String(e.n).padStart(4), (e.b / 1e6).toFixed(2).padStart(7), "MB", e.t.toFixed(1).padStart(7), "ms"); });
