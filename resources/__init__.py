"""The colour scheme, style sheets, icon and desktop files, shipped as reader.resources."""
