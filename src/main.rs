//! The `chronograph` command line.

fn main() {}
