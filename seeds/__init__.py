"""The sample article the app opens with no file, shipped as reader.seeds."""
