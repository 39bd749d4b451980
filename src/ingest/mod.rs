//! Reading input files into documents.
