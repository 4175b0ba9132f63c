"""The local web app (`polemos serve`): read-only pages over a store, each with a JSON twin."""
