"""Shared parts of the benchmarks (not benchmarks themselves: nothing here runs on its
own or prints figures)."""
