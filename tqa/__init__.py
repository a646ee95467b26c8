"""tqa: translation QA for documents and bilingual files."""

__version__ = "0.1.0"
