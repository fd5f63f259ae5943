"""WSIS Timeline Viewer: ITU's CWG-WSIS work 2010-2014 on an interactive timeline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wsis-viewer")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
