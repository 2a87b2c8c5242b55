//! Placeholder: the command line is being written.
