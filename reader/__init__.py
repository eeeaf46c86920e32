"""Entity Reader: read news articles with people, countries and organizations made visible."""

__version__ = "0.1.0"
