// The model's forward pass in the browser, as models/networks.py builds it: Linear layers with an activation
// between them and softmax at the end, over a grid of places (the decision map) or at one place (hover). The
// weights arrive as float32 in the bytes components/layouts.py lays out ("network"); the sums run in float64.

import LAYOUTS from "../../layouts.json" with { type: "json" };
import { bytesOf, unpack } from "./binary.js";

/** The network a frame carries: {number, cells, activation, mean, std, classes, layers}, each layer
 * {inputs, outputs, weight (outputs x inputs, row by row), bias}; or null for no bytes. */
export function readNetwork(value) {
  const buffer = bytesOf(value);
  if (!buffer) return null;
  const { number, cells, activation, mean, std, widths, weights } = unpack(LAYOUTS.network, buffer);
  let offset = 0;
  const layers = Array.from(widths.subarray(1), (outputs, i) => {
    const inputs = widths[i];
    const weight = weights.subarray(offset, (offset += inputs * outputs));
    const bias = weights.subarray(offset, (offset += outputs));
    return { inputs, outputs, weight, bias };
  });
  return { number, cells, activation: LAYOUTS.activations[activation], mean, std, classes: widths.at(-1), layers };
}

/** The multiply-adds of one place's forward pass: what a cell of the map costs. */
export function cost(network) {
  return network.layers.reduce((sum, { inputs, outputs }) => sum + inputs * outputs, 0);
}

function activate(h, n, kind) {
  if (kind === "relu") for (let i = 0; i < n; i++) { if (h[i] < 0) h[i] = 0; }
  else if (kind === "tanh") for (let i = 0; i < n; i++) h[i] = Math.tanh(h[i]);
  else if (kind === "sigmoid") for (let i = 0; i < n; i++) h[i] = 1 / (1 + Math.exp(-h[i]));
}

/** Class probabilities at the centres of a width x height grid of cells over `extent` ([x0, x1, y0, y1], in the
 * data's units), row 0 at the bottom, into `out` (height x width x classes, cell by cell). Only cells [from, to)
 * (counted row by row) are computed, so a caller can spread a large grid over several animation frames. */
export function gridProbabilities(network, extent, width, height, out, from = 0, to = width * height) {
  const [x0, x1, y0, y1] = extent;
  const { layers, mean, std, classes, activation } = network;
  const first = layers[0];
  const n1 = first.outputs;
  // The first layer is linear in x and y: W [x, y] + b = W[:, 0] x + (W[:, 1] y + b), its x part made once a column.
  const columns = new Float64Array(width * n1);
  for (let j = 0; j < width; j++) {
    const x = (x0 + ((j + 0.5) / width) * (x1 - x0) - mean[0]) / std[0];
    for (let k = 0; k < n1; k++) columns[j * n1 + k] = first.weight[2 * k] * x;
  }
  const row = new Float64Array(n1);
  const values = layers.map((layer) => new Float64Array(layer.outputs));
  let rowOf = -1;
  for (let cell = from; cell < to; cell++) {
    const i = Math.floor(cell / width), j = cell - i * width;
    if (i !== rowOf) {
      const y = (y0 + ((i + 0.5) / height) * (y1 - y0) - mean[1]) / std[1];
      for (let k = 0; k < n1; k++) row[k] = first.weight[2 * k + 1] * y + first.bias[k];
      rowOf = i;
    }
    let input = values[0];
    for (let k = 0; k < n1; k++) input[k] = columns[j * n1 + k] + row[k];
    for (let l = 1; l < layers.length; l++) {
      const { inputs, outputs, weight, bias } = layers[l];
      activate(input, inputs, activation);
      const output = values[l];
      for (let o = 0; o < outputs; o++) {
        let sum = bias[o];
        for (let k = 0, w = o * inputs; k < inputs; k++, w++) sum += weight[w] * input[k];
        output[o] = sum;
      }
      input = output;
    }
    softmaxInto(input, classes, out, cell * classes);
  }
  return out;
}

/** softmax(logits) into out[at...], shifted by the largest logit so that exp cannot overflow. */
function softmaxInto(logits, k, out, at) {
  let top = -Infinity;
  for (let c = 0; c < k; c++) if (logits[c] > top) top = logits[c];
  let sum = 0;
  for (let c = 0; c < k; c++) sum += (out[at + c] = Math.exp(logits[c] - top));
  for (let c = 0; c < k; c++) out[at + c] /= sum;
}

/** The class probabilities of the model at one place (x, y), in the data's units. */
export function probabilitiesAt(network, x, y) {
  return gridProbabilities(network, [x, x, y, y], 1, 1, new Float64Array(network.classes));
}
