#!/usr/bin/env python3
"""Expected relative weights (Johnson 2000) for Tests/KSPCoreTests/DriverTests.swift, computed
independently of ksp with numpy. Writes data.csv (x1..x4, y) and expected.json.
Run from this directory: python3 relative_weights.py"""
import json
import numpy as np

rng = np.random.default_rng(14)
n = 80
base = rng.normal(size=(n, 4))
# Correlated predictors: x2 leans on x1, x4 on x3.
x = np.column_stack([
    base[:, 0],
    0.6 * base[:, 0] + 0.8 * base[:, 1],
    base[:, 2],
    0.5 * base[:, 2] + 0.5 * base[:, 3],
])
y = 0.5 * x[:, 0] + 0.3 * x[:, 1] + 0.2 * x[:, 2] + 0.1 * x[:, 3] + rng.normal(size=n)
x = np.round(x * 20 + 60, 3)
y = np.round(y * 2 + 7, 3)

corr = np.corrcoef(np.column_stack([x, y]), rowvar=False)
rxx = corr[:4, :4]
rxy = corr[:4, 4]
values, vectors = np.linalg.eigh(rxx)
lam = vectors @ np.diag(np.sqrt(values)) @ vectors.T
beta = np.linalg.solve(lam, rxy)
weights = (lam ** 2) @ (beta ** 2)

# R² from an ordinary least-squares fit, a second independent route.
design = np.column_stack([np.ones(n), x])
coef, *_ = np.linalg.lstsq(design, y, rcond=None)
residual = y - design @ coef
r2 = 1 - residual @ residual / ((y - y.mean()) @ (y - y.mean()))

with open("data.csv", "w") as out:
    out.write("x1,x2,x3,x4,y\n")
    for row, value in zip(x, y):
        out.write(",".join(f"{v:.3f}" for v in row) + f",{value:.3f}\n")
with open("expected.json", "w") as out:
    json.dump({"weights": [float(w) for w in weights], "r_squared": float(r2),
               "correlations": [float(r) for r in rxy],
               "shares": [float(w / r2 * 100) for w in weights]}, out, indent=2)
    out.write("\n")
