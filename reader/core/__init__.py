"""The Qt-free core: loaders, analysis, the annotation model, export, cache, settings, paths."""
