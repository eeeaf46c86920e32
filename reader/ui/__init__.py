"""Qt widgets and models; talks to the core through its public functions."""
