"""Pure numpy/torch maths for Softmax Explorer: no Panel or Bokeh import, usable from a notebook or a script."""
