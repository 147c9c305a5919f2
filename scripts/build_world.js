#!/usr/bin/env node
// Builds resources/world/countries.tsv: one compact SVG path per country,
// for the map of `chronik serve` (crates/web/src/map.rs).
//
//     node scripts/build_world.js                 # npm pack world-atlas@2.0.2, then build
//     node scripts/build_world.js --from DIR      # use an unpacked package (DIR/countries-110m.json)
//
// Input: Natural Earth 1:110m Admin 0 countries (public domain), as
// TopoJSON in the npm package `world-atlas` 2.0.2 (countries-110m.json,
// ISC licence for the packaging). No other dependency: the TopoJSON arcs
// are decoded here.
//
// Output projection: equirectangular, in units of 0.1 degree:
//     x = round((lon + 180) * 10)    0 … 3600
//     y = round((90 - lat) * 10)     0 … 1800
// Rings crossing the antimeridian (Russia, Fiji) are unwrapped and drawn
// once more shifted by 360 degrees; rings around a pole (Antarctica) are
// closed along the pole. The map clips everything outside 0 … 3600.
//
// Deterministic: the same input gives a byte-identical file.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const PACKAGE = 'world-atlas@2.0.2';
const FILE = 'countries-110m.json';
const OUT = path.join(__dirname, '..', 'resources', 'world', 'countries.tsv');

function inputDir() {
  const i = process.argv.indexOf('--from');
  if (i >= 0) return process.argv[i + 1];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'world-atlas-'));
  execFileSync('npm', ['pack', PACKAGE, '--pack-destination', tmp, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', path.join(tmp, tgz), '-C', tmp]);
  return path.join(tmp, 'package');
}

/** Absolute [lon, lat] points of every arc. */
function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** A ring from arc indices (negative: ~i reversed), shared ends once. */
function ring(arcs, indices) {
  const pts = [];
  for (const i of indices) {
    const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    pts.push(...(pts.length ? a.slice(1) : a));
  }
  return pts;
}

/** Longitudes made continuous; a ring around a pole is closed along it. */
function unwrap(pts) {
  const out = [pts[0].slice()];
  for (let k = 1; k < pts.length; k++) {
    let lon = pts[k][0];
    const prev = out[k - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (prev - lon > 180) lon += 360;
    out.push([lon, pts[k][1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    const pole = first[1] < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole]);
  }
  return out;
}

/** Copies of a ring shifted by whole turns so that all of it is drawn. */
function copies(pts) {
  const lons = pts.map((p) => p[0]);
  const lo = Math.min(...lons);
  const hi = Math.max(...lons);
  const out = [];
  for (const shift of [0, -360, 360]) {
    if (hi + shift > -180 && lo + shift < 180) {
      out.push(pts.map(([lon, lat]) => [lon + shift, lat]));
    }
  }
  return out;
}

/** "M x y l dx dy …z" in tenths of a degree, repeated points dropped. */
function svgPath(pts) {
  const xy = pts.map(([lon, lat]) => [Math.round((lon + 180) * 10), Math.round((90 - lat) * 10)]);
  const kept = xy.filter((p, k) => k === 0 || p[0] !== xy[k - 1][0] || p[1] !== xy[k - 1][1]);
  if (kept.length > 1 && kept[0][0] === kept[kept.length - 1][0] && kept[0][1] === kept[kept.length - 1][1]) {
    kept.pop();
  }
  if (kept.length < 3) return '';
  let s = `M${kept[0][0]} ${kept[0][1]}l`;
  const steps = [];
  for (let k = 1; k < kept.length; k++) {
    steps.push(`${kept[k][0] - kept[k - 1][0]} ${kept[k][1] - kept[k - 1][1]}`);
  }
  return s + steps.join(' ') + 'z';
}

function main() {
  const dir = inputDir();
  const topo = JSON.parse(fs.readFileSync(path.join(dir, FILE), 'utf8'));
  const version = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const arcs = decodeArcs(topo);
  const rows = [];
  for (const g of topo.objects.countries.geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    const parts = [];
    for (const polygon of polygons) {
      for (const indices of polygon) {
        for (const pts of copies(unwrap(ring(arcs, indices)))) {
          const p = svgPath(pts);
          if (p) parts.push(p);
        }
      }
    }
    if (!parts.length) continue;
    const name = g.properties.name.replace(/[\t\n]/g, ' ');
    rows.push([g.id || '-', name, parts.join('')]);
  }
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const header = [
    '# Country outlines for the map of `chronik serve`, one SVG path per country.',
    `# Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com),`,
    `#   via the npm package world-atlas ${version} (${FILE}; packaging ISC, Copyright 2013-2019 Michael Bostock).`,
    '# Projection: equirectangular in tenths of a degree: x = (lon + 180) * 10, y = (90 - lat) * 10.',
    '# generated by scripts/build_world.js — do not edit by hand',
    '# FORMAT: iso_numeric<TAB>name<TAB>path (iso_numeric "-" when Natural Earth gives none)',
    'iso_numeric\tname\tpath',
  ];
  const body = rows.map((r) => r.join('\t'));
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, header.concat(body).join('\n') + '\n');
  // Self-checks: the countries chronik's corpus is about must be there.
  for (const id of ['398', '643', '112', '276', '804']) {
    if (!rows.some((r) => r[0] === id)) throw new Error(`country ${id} missing`);
  }
  const bytes = fs.statSync(OUT).size;
  console.error(`${OUT}: ${rows.length} countries, ${bytes} bytes`);
}

main();
