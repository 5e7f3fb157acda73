"""Benchmarks: synthetic corpus, extraction speed, load throughput, pack latency."""
