"""The model layer: records, partial dates and periods, the graph and its slices."""
