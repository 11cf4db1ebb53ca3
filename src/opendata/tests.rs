//! Tests of the pure parts of reading open data.
