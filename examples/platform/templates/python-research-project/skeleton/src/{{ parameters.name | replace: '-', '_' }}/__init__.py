"""{{ parameters.title }}."""

__version__ = "0.1.0"
