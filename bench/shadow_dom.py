"""Page scripts of the benchmarks find elements inside shadow roots (every Panel component renders in one)."""

# JavaScript: `deep(root, sel)`, the first element matching `sel` in `root` or in any open shadow root below it.
DEEP = """
  const deep = (root, sel) => {
    const hit = root.querySelector(sel);
    if (hit) return hit;
    for (const el of root.querySelectorAll("*")) {
      if (el.shadowRoot) { const inner = deep(el.shadowRoot, sel); if (inner) return inner; }
    }
    return null;
  };
"""
