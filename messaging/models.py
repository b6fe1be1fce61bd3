"""Models of this app arrive with its stages (see README: the 12 stages and where each lives)."""
