import assert from "node:assert/strict";
import { test } from "node:test";

import { bytesOf, unpack, unpackPoints } from "../../components/js/lib/binary.js";
import { bytes, json } from "./fixtures.mjs";

const EXPECTED = json("binary.json");

test("unpackPoints reads the points Python packed, exactly", () => {
  const points = unpackPoints(bytes("points.bin"));
  assert.equal(points.n, EXPECTED.points.x.length);
  for (const name of ["x", "y", "cls", "part"]) assert.deepEqual(Array.from(points[name]), EXPECTED.points[name], name);
  assert.ok(points.x instanceof Float64Array && points.cls instanceof Uint8Array);
});

test("unpackPoints of nothing is no points", () => {
  const points = unpackPoints(null);
  assert.equal(points.n, 0);
  assert.equal(points.x.length, 0);
});

test("bytesOf accepts a buffer, a view of one, or base64 text", () => {
  const buffer = new Uint8Array([1, 2, 250]).buffer;
  assert.equal(bytesOf(buffer), buffer);
  assert.deepEqual(Array.from(new Uint8Array(bytesOf(new Uint8Array([0, 1, 2, 250]).subarray(1)))), [1, 2, 250]);
  assert.deepEqual(Array.from(new Uint8Array(bytesOf("AQL6"))), [1, 2, 250]);
  assert.equal(bytesOf(null), null);
  assert.equal(bytesOf(undefined), null);
});

test("unpack aligns each field to its item size and multiplies lengths", () => {
  const layout = [["k", "u1"], ["v", "f8", "k*2"], ["w", "u2", "3"]];
  const buffer = new ArrayBuffer(8 + 16 * 2 + 6);
  new DataView(buffer).setUint8(0, 2);
  new Float64Array(buffer, 8, 4).set([0.5, -1, 2, 3]);
  new Uint16Array(buffer, 40, 3).set([7, 8, 65535]);
  const fields = unpack(layout, buffer);
  assert.equal(fields.k, 2);
  assert.deepEqual(Array.from(fields.v), [0.5, -1, 2, 3]);
  assert.deepEqual(Array.from(fields.w), [7, 8, 65535]);
});
