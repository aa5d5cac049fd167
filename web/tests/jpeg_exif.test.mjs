// utils/jpegExif.js: the EXIF of a photo carried across the canvas re-encode — the APP1 segment
// found, put after SOI/APP0 of the new JPEG (replacing any it had), Orientation reset to 1;
// anything that is not a JPEG left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exifSegment, withExif } from '../src/utils/jpegExif.js';
import { exifApp1 } from './fixtures/exif.mjs';

const SOI = Buffer.from([0xff, 0xd8]);
const APP0 = Buffer.from([0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46]); // "JFIF", short
const SCAN = Buffer.from([0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]);

test('exifSegment finds the APP1 Exif segment whole, or null', () => {
  const app1 = exifApp1();
  const jpeg = Buffer.concat([SOI, APP0, app1, SCAN]);
  assert.deepEqual(Buffer.from(exifSegment(new Uint8Array(jpeg))), app1);
  assert.equal(exifSegment(new Uint8Array(Buffer.concat([SOI, APP0, SCAN]))), null);
  assert.equal(exifSegment(new Uint8Array(Buffer.from('\x89PNG....', 'binary'))), null);
  // A segment length past the end of the file.
  assert.equal(exifSegment(new Uint8Array(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45]))), null);
});

test('withExif puts the segment after APP0, resets Orientation and replaces an old one', () => {
  const app1 = exifApp1();
  // Orientation 6 (rotated) in the original: tag 0x0112 is IFD0's first entry (value at 10+8+2+8).
  const rotated = Buffer.from(app1);
  rotated.writeUInt16LE(6, 10 + 8 + 2 + 8);
  const fresh = new Uint8Array(Buffer.concat([SOI, APP0, SCAN]));
  const out = Buffer.from(withExif(fresh, new Uint8Array(rotated)));
  assert.deepEqual(out.subarray(0, 2 + APP0.length), Buffer.concat([SOI, APP0]));
  const seg = Buffer.from(exifSegment(new Uint8Array(out)));
  assert.equal(seg.length, app1.length);
  assert.equal(seg.readUInt16LE(10 + 8 + 2 + 8), 1, 'Orientation reset to 1');
  assert.deepEqual(out.subarray(out.length - SCAN.length), SCAN);
  // The original segment is not modified.
  assert.equal(rotated.readUInt16LE(10 + 8 + 2 + 8), 6);
  // Again on a JPEG that already has an Exif segment: replaced, not doubled.
  const twice = Buffer.from(withExif(new Uint8Array(out), new Uint8Array(app1)));
  assert.equal(twice.length, out.length);
  // Without APP0: right after SOI.
  const bare = Buffer.from(withExif(new Uint8Array(Buffer.concat([SOI, SCAN])), new Uint8Array(app1)));
  assert.deepEqual(bare.subarray(2, 4), Buffer.from([0xff, 0xe1]));
  // Unusable input: returned unchanged.
  const png = new Uint8Array(Buffer.from('\x89PNG....', 'binary'));
  assert.equal(withExif(png, new Uint8Array(app1)), png);
  assert.equal(withExif(fresh, null), fresh);
});
