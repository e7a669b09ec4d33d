"""Tabula: the counting-station appliance for Belgian paper-ballot elections."""

__version__ = "0.1.0"
