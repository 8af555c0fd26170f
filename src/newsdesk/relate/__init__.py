"""Relate: articles to each other (near-duplicates, stories, similar stories) and entities across articles."""
