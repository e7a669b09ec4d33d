"""EML 5.0 reading, writing and validation."""
