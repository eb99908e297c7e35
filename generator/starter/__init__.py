"""What a new site starts from: the scaffold, CI workflows, and synthetic data."""
