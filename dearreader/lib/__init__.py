"""Plain helpers with no models: environment parsing, HTML sanitising, rate limits."""
