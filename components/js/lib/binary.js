// Bytes from the server, read in place by the layouts that components/layouts.py defines (layouts.json).

import LAYOUTS from "../../layouts.json" with { type: "json" };

const ARRAYS = { u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, f4: Float32Array, f8: Float64Array };

/** A bytes parameter or message as an ArrayBuffer (Bokeh sends binary buffers; base64 text is accepted too), or
 * null. */
export function bytesOf(value) {
  if (value == null) return null;
  if (value instanceof ArrayBuffer) return value;
  if (ArrayBuffer.isView(value)) return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0)).buffer;
}

/** The fields of `buffer` laid out by `layout` (see components/layouts.py): numbers, and arrays as typed-array
 * views of the buffer. Each field starts at the next multiple of its item size. */
export function unpack(layout, buffer) {
  const fields = {};
  let offset = 0;
  for (const [name, type, length] of layout) {
    const Typed = ARRAYS[type];
    const size = Typed.BYTES_PER_ELEMENT;
    offset = Math.ceil(offset / size) * size;
    const count = length === undefined ? 1
      : length.split("*").reduce((n, f) => n * (/^\d+$/.test(f) ? Number(f) : fields[f]), 1);
    const array = new Typed(buffer, offset, count);
    fields[name] = length === undefined ? array[0] : array;
    offset += count * size;
  }
  return fields;
}

/** The data's points: {n, x, y, cls, part} (part 0 training, 1 validation); none for no bytes. */
export function unpackPoints(value) {
  const buffer = bytesOf(value);
  return buffer ? unpack(LAYOUTS.points, buffer) : unpack(LAYOUTS.points, new ArrayBuffer(8));
}
