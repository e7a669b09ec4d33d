"""The pure counting core: elections, ballots, classification, tallies, checks, double entry. No I/O."""
