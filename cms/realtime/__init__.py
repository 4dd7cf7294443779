"""Realtime infrastructure shared by the apps: channel layers, the per-process group hub, broadcasts after commit."""
