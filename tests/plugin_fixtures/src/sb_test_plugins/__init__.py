"""Plugins for the core's tests. Installed for real (entry points and all) into a temporary folder."""
