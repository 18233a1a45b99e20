"""newscoder: who said or did what to whom in international news, from notebooks you can re-run.

The package is quiet at import: it prints nothing, logs nothing and loads no model until asked.
"""

__version__ = "0.1.0"
