"""Development tools for newsetl: benchmarks, evaluations, training, audits.

Never imported by the pipeline and never installed with it; run from a
checkout as ``python -m newsetl_dev.<module>``.
"""
