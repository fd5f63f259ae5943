"""The Qt window: main window, detail panel, search, filters, settings and app start-up."""
