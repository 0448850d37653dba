import * as startup from './startup.mjs';
const F = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'.split(' ');
const r = await startup.run({ quick: false, chromium: { executablePath: '/usr/bin/chromium', args: F } });
const c = r.cases.map((c) => `${c.name}: ${c.results[0].median.toFixed(0)}`).join(' | ');
const m = /Medians of the parts:[^.]*\.[^.]*\./.exec(r.description)?.[0];
console.log(process.env.PASSERELLE_PKG, c, m);
