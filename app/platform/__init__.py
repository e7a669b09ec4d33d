"""Adapters to the machine, each with a fake for tests."""
